package org.streamframer.app.blocks;

/** Image formats recognised by their first bytes (magic numbers). */
public enum ImageKind {
    /** {@code 89 50 4E 47 0D 0A 1A 0A} */
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    /** {@code FF D8 FF} */
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    /** {@code 42 4D} ("BM") */
    BMP(new byte[] {'B', 'M'}),
    /** {@code 47 49 46 38} ("GIF8") */
    GIF(new byte[] {'G', 'I', 'F', '8'});

    private final byte[] magic;

    ImageKind(byte[] magic) {
        this.magic = magic;
    }

    /** The kind whose magic bytes start {@code a[off, off+len)}, or null. */
    public static ImageKind detect(byte[] a, int off, int len) {
        for (ImageKind k : values()) {
            if (k.matches(a, off, len)) {
                return k;
            }
        }
        return null;
    }

    private boolean matches(byte[] a, int off, int len) {
        // a BMP needs more than its 2-byte signature to be believable: a 14-byte file header
        int minimum = this == BMP ? 26 : magic.length;
        if (len < minimum) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (a[off + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
