package org.streamframer.framing.fstrm;

import java.util.List;

/** The two ends of a Frame Streams connection share no content type. */
public class FstrmContentTypeException extends FstrmProtocolException {
    private static final long serialVersionUID = 1L;

    private final List<String> offered;
    private final List<String> wanted;

    /**
     * @param offered what the other end offered (READY, ACCEPT or START content types)
     * @param wanted  what this end accepts or sends
     */
    public FstrmContentTypeException(String message, List<String> offered, List<String> wanted) {
        super(message);
        this.offered = List.copyOf(offered);
        this.wanted = List.copyOf(wanted);
    }

    /** The content types the other end named. */
    public List<String> offered() {
        return offered;
    }

    /** The content types this end accepts (receiver) or sends (sender). */
    public List<String> wanted() {
        return wanted;
    }
}
