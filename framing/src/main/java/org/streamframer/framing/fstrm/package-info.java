/** Frame Streams (fstrm, as used by dnstap): rule, encoder, handshakes and file format. */
package org.streamframer.framing.fstrm;
