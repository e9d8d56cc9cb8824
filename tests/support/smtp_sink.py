#!/usr/bin/python3
"""A test SMTP server that accepts every message and keeps it as a file.

    /usr/bin/python3 smtp_sink.py --port P --folder DIR [--hold-seconds S]

Listens on 127.0.0.1:P and writes each message, exactly as received, as DIR/<n>.eml (n = 1, 2, ...), written to a
temporary name and then renamed, so that a reader never sees half a message. Two headers are put in front of the
message to record the SMTP envelope: X-Envelope-From and X-Envelope-To. With --hold-seconds, it waits that long
after keeping a message before it answers "250 OK", so that a test can stop a sender between the server taking the
message and the sender hearing so. Runs until SIGTERM or SIGINT.

It needs Debian's python3-aiosmtpd, hence /usr/bin/python3 rather than whatever python3 is first on PATH.
"""

import argparse
import asyncio
import os
import signal

from aiosmtpd.smtp import SMTP


class Sink:
    """Writes each accepted message into the folder."""

    def __init__(self, folder, hold_seconds=0.0):
        self.folder = folder
        self.hold_seconds = hold_seconds
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        # One event loop thread: the counter needs no lock.
        self.count += 1
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        prefix = (
            "X-Envelope-From: {}\r\nX-Envelope-To: {}\r\n".format(
                envelope.mail_from, ", ".join(envelope.rcpt_tos)
            )
        ).encode("utf-8")
        temporary = os.path.join(self.folder, ".{}.tmp".format(self.count))
        with open(temporary, "wb") as file:
            file.write(prefix + content)
            file.flush()
            os.fsync(file.fileno())
        os.rename(temporary, os.path.join(self.folder, "{}.eml".format(self.count)))
        if self.hold_seconds > 0:
            await asyncio.sleep(self.hold_seconds)
        return "250 OK"


async def serve(port, folder, hold_seconds):
    loop = asyncio.get_running_loop()
    handler = Sink(folder, hold_seconds)
    server = await loop.create_server(
        lambda: SMTP(handler, enable_SMTPUTF8=True, decode_data=False, hostname="smtp-sink.test"),
        host="127.0.0.1",
        port=port,
    )
    stopped = asyncio.Event()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, stopped.set)
    async with server:
        await stopped.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--hold-seconds", type=float, default=0.0)
    arguments = parser.parse_args()
    if not os.path.isdir(arguments.folder):
        parser.error("--folder must be an existing folder")
    asyncio.run(serve(arguments.port, arguments.folder, arguments.hold_seconds))


if __name__ == "__main__":
    main()
