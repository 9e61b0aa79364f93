#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for the send tests (aiosmtpd).

Saves every accepted message as DIR/NNNNNN.eml (written to a temporary name
and renamed, so a reader never sees half a message) and can misbehave on
purpose:

  --refuse ADDR      answer RCPT TO:<ADDR> with 550 (repeatable)
  --tempfail ADDR:N  answer RCPT TO:<ADDR> with 451 the first N times
  --delay-ms MS      wait this long before accepting each message's DATA

Writes the port it listens on to --port-file once it is ready, and runs
until SIGTERM. Listens on 127.0.0.1 only.
"""
import argparse
import asyncio
import os
import signal
import socket
import threading
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, args):
        self.dir = args.dir
        self.refuse = {a.lower() for a in args.refuse}
        self.tempfail = {}
        for spec in args.tempfail:
            addr, n = spec.rsplit(":", 1)
            self.tempfail[addr.lower()] = int(n)
        self.delay = args.delay_ms / 1000.0
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        a = address.lower()
        if a in self.refuse:
            return "550 5.1.1 no such mailbox"
        with self.lock:
            left = self.tempfail.get(a, 0)
            if left > 0:
                self.tempfail[a] = left - 1
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.count += 1
            n = self.count
        path = os.path.join(self.dir, "%06d.eml" % n)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 Message accepted for delivery"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--refuse", action="append", default=[])
    p.add_argument("--tempfail", action="append", default=[])
    p.add_argument("--delay-ms", type=int, default=0)
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    controller = Controller(Handler(args), hostname="127.0.0.1", port=port,
                            data_size_limit=50 * 1024 * 1024)
    controller.start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(args.port_file + ".tmp", args.port_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    while not stop.is_set():
        time.sleep(0.1)
    controller.stop()


if __name__ == "__main__":
    main()
