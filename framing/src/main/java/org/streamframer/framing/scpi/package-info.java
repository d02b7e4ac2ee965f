/** SCPI instrument session: commands, queries with timeout, IEEE 488.2 blocks, identity and error queue. */
package org.streamframer.framing.scpi;
