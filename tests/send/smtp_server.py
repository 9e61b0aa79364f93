#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for the send tests (aiosmtpd).

Saves every accepted message as DIR/NNNNNN.eml (written to a temporary name
and renamed, so a reader never sees half a message) and can misbehave on
purpose:

  --refuse ADDR      answer RCPT TO:<ADDR> with 550 (repeatable)
  --tempfail ADDR:N  answer RCPT TO:<ADDR> with 451 the first N times
  --delay-ms MS      wait this long before accepting each message's DATA
  --tls-cert PEM --tls-key PEM
                     offer STARTTLS with this certificate, and require it
  --user U --password P
                     require AUTH (over TLS) with these credentials; each
                     login tried is appended to DIR/../auth.log

Writes the port it listens on to --port-file once it is ready, and runs
until SIGTERM. Listens on 127.0.0.1 only.
"""
import argparse
import asyncio
import os
import signal
import socket
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


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
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--user")
    p.add_argument("--password")
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    kwargs = {"data_size_limit": 50 * 1024 * 1024}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = True
    if args.user:
        log = os.path.join(os.path.dirname(os.path.abspath(args.dir)),
                           "auth.log")

        def authenticator(server, session, envelope, mechanism, auth_data):
            login = auth_data.login.decode()
            ok = (login == args.user and
                  auth_data.password.decode() == args.password)
            with open(log, "a") as f:
                f.write("%s %s %s\n" % (mechanism, login, "ok" if ok else "refused"))
            return AuthResult(success=ok)

        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        kwargs["auth_require_tls"] = True
    controller = Controller(Handler(args), hostname="127.0.0.1", port=port,
                            **kwargs)
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
