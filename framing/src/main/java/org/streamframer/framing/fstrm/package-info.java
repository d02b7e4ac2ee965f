/**
 * Frame Streams (fstrm, as used by dnstap): rule, encoder, handshakes and file format.
 *
 * <ul>
 *   <li>{@link org.streamframer.framing.fstrm.FstrmRule}: data and control frames out of a
 *       {@link org.streamframer.framing.FrameBuffer}, every limit of the format enforced;</li>
 *   <li>{@link org.streamframer.framing.fstrm.FstrmEncoder}: frames onto a buffer or a stream;</li>
 *   <li>{@link org.streamframer.framing.fstrm.FstrmReceiver} and
 *       {@link org.streamframer.framing.fstrm.FstrmSender}: the bidirectional handshake over any
 *       pair of streams, with timeouts;</li>
 *   <li>{@link org.streamframer.framing.fstrm.FstrmFileReader} and
 *       {@link org.streamframer.framing.fstrm.FstrmFileWriter}: files (START, data, STOP).</li>
 * </ul>
 *
 * {@code framing/README-fstrm.md} shows the CLI's capture and replay in a few lines each and
 * maps the Python {@code fstrm} package's calls ({@code append}, {@code process},
 * {@code decode}, {@code encode}, {@code reset}, {@code pending_nb_bytes}) to this API.
 */
package org.streamframer.framing.fstrm;
