#!/usr/bin/env python3
"""Signs in to a running Cercle and prints the Cookie header its pages need, for `make bench`.

usage: sign_in.py PORT EMAIL PASSWORD

Goes through the pages a person uses: the sign-in form, then two-step verification, setting it up
(the key shown on the page) when the account has none yet, as the demo's staff accounts do at
their first sign-in. The cookies are kept by hand: they are `Secure`, which a cookie jar would not
send over the plain HTTP of the benchmark.
"""
import base64
import hashlib
import hmac
import http.client
import re
import struct
import sys
import time
import urllib.parse


def totp(key, at):
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{code % 1000000:06d}"


class Browser:
    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": self.cookie_header()}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                cookie_name, _, cookie_value = pair.partition("=")
                self.cookies[cookie_name.strip()] = cookie_value.strip()
        text = response.read().decode("utf-8", "replace")
        location = response.getheader("Location") or ""
        connection.close()
        return response.status, urllib.parse.urlparse(location).path, text

    def cookie_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())


def field(text, name):
    match = re.search(r'name="%s" value="([^"]*)"' % name, text)
    if not match:
        raise SystemExit(f"sign_in.py: no {name} field on the page")
    return match.group(1)


def main():
    port, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
    browser = Browser(int(port))
    _, _, page = browser.request("GET", "/login")
    status, location, _ = browser.request("POST", "/login", {
        "csrf": field(page, "csrf"), "next": "/", "email": email, "password": password})
    if status != 303:
        raise SystemExit(f"sign_in.py: signing in as {email} answered {status}")
    if location == "/login/two-factor":
        raise SystemExit(f"sign_in.py: {email} uses two-step verification already, with a key "
                         "this script does not know: benchmark a fresh demo database")
    if location == "/account/two-factor":
        _, _, page = browser.request("GET", location)
        key = re.search(r'class="secret">([A-Z2-7]+)<', page).group(1)
        status, _, page = browser.request("POST", location, {
            "csrf": field(page, "csrf"), "sealed": field(page, "sealed"),
            "code": totp(key, time.time())})
        # Set up, it shows the recovery codes once.
        if status != 200 or "recovery-codes" not in page:
            raise SystemExit(f"sign_in.py: setting up two-step verification answered {status}")
    status, _, _ = browser.request("GET", "/account")
    if status != 200:
        raise SystemExit(f"sign_in.py: the account page answered {status} after signing in")
    print(browser.cookie_header())


if __name__ == "__main__":
    main()
