#!/usr/bin/env python3
"""Reads every .eml file in a folder back with Python's email module and
prints one tab-separated line per message, sorted by file name:

  FILE  TO-ADDRESS  MESSAGE-ID  SUBJECT  ATTACHMENTS(;-separated name:type:bytes)  DEFECTS

so the C++ tests can check recipients, Message-IDs and attachments with a
real MIME parser. Header defects (and any header that is not one of the
expected ones) are listed in DEFECTS.
"""
import email
import email.policy
import os
import sys

EXPECTED = {"from", "to", "subject", "date", "message-id", "mime-version",
            "auto-submitted", "content-type",
            # added by the SMTP server in transit
            "x-peer", "x-mailfrom", "x-rcptto", "received", "return-path"}


def main():
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        defects = [type(d).__name__ for d in m.defects]
        for key in m.keys():
            if key.lower() not in EXPECTED:
                defects.append("header:" + key)
        to = m["To"]
        addrs = to.addresses if to is not None else ()
        if len(addrs) != 1:
            defects.append("recipients:%d" % len(addrs))
        to_addr = addrs[0].addr_spec if addrs else ""
        parts = []
        for p in m.iter_attachments():
            data = p.get_payload(decode=True) or b""
            parts.append("%s:%s:%d" % (p.get_filename(), p.get_content_type(),
                                       len(data)))
        body = m.get_body(("plain",))
        if body is None:
            defects.append("no-text")
        print("\t".join([name, to_addr, m["Message-ID"] or "",
                         (m["Subject"] or "").replace("\t", " "),
                         ";".join(parts), ",".join(defects)]))


if __name__ == "__main__":
    main()
