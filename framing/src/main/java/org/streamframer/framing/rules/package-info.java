/** The framing rules: delimiter, EOT byte, lines, fixed length, length field, SCPI responses with IEEE 488.2 blocks, SLIP, COBS, idle gap. */
package org.streamframer.framing.rules;
