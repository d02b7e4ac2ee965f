#!/usr/bin/python3
"""*IDN? round trips per second with PyVISA (pyvisa-py backend) over a raw TCP socket.

The PyVISA half of the SCPI round-trip comparison (BENCHMARKS.md): the same loop as
org.streamframer.bench.ScpiRoundTrips runs with InstrumentSession.query("*IDN?"), against the
same simulator. Prints one line: "pyvisa <queries> queries in <seconds> s: <qps> qps".

  /usr/bin/python3 bench/scripts/pyvisa_idn.py --port 5025 --seconds 10 [--warmup 2]
"""
import argparse
import sys
import time

try:
    import pyvisa
except ImportError as e:  # the Debian package python3-pyvisa-py brings pyvisa and pyvisa-py
    sys.exit("pyvisa is missing: install the Debian package python3-pyvisa-py: %s" % e)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--expect", default="Streamframer,", help="the answer must start with this")
    a = ap.parse_args()

    rm = pyvisa.ResourceManager("@py")
    inst = rm.open_resource("TCPIP::%s::%d::SOCKET" % (a.host, a.port))
    inst.read_termination = "\n"
    inst.write_termination = "\n"
    inst.timeout = 5000
    try:
        end = time.perf_counter() + a.warmup
        while time.perf_counter() < end:
            inst.query("*IDN?")
        n = 0
        start = time.perf_counter()
        end = start + a.seconds
        while True:
            answer = inst.query("*IDN?")
            if not answer.startswith(a.expect):
                sys.exit("unexpected answer to *IDN?: %r" % answer)
            n += 1
            if n % 64 == 0 and time.perf_counter() >= end:
                break
        elapsed = time.perf_counter() - start
        print("pyvisa %d queries in %.3f s: %.1f qps" % (n, elapsed, n / elapsed))
    finally:
        inst.close()
        rm.close()


if __name__ == "__main__":
    main()
