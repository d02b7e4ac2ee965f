/** The background reader service: reads, frames, stamps and delivers frames to listeners. */
package org.streamframer.framing.reader;
