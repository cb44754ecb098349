#!/usr/bin/python3
"""Plays Okta, the SAML service provider, against the Portcullis IdP.

An independent peer for tests: pysaml2 (Debian python3-pysaml2) builds the signed
AuthnRequests and validates the Response, with signatures checked by xmlsec1.
Run it with /usr/bin/python3, which sees Debian's Python packages.

  okta_sp.py authn  --idp-metadata FILE --sp-entity-id AUDIENCE --acs-url URL
                    --sp-key KEY.pem --sp-cert CERT.pem --binding post|redirect
                    [--relay-state X] [--name-id alice@example.com]
  okta_sp.py verify --idp-metadata FILE --sp-entity-id AUDIENCE --acs-url URL
                    --sp-key KEY.pem --sp-cert CERT.pem --request-id ID
                    --saml-response BASE64

Both print one JSON object on stdout; verify exits 1 with {"ok": false, ...} on refusal.
"""

import argparse
import base64
import json
import logging
import shutil
import sys
from urllib.parse import urlsplit

try:
    from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, saml
    from saml2.client import Saml2Client
    from saml2.config import SPConfig
    from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256
except ImportError:
    print(json.dumps({"ok": False, "error": "pysaml2 missing: apt-get install python3-pysaml2 xmlsec1"
                      " and run with /usr/bin/python3"}))
    sys.exit(2)


def client(args):
    xmlsec = shutil.which("xmlsec1")
    if xmlsec is None:
        raise SystemExit(json.dumps({"ok": False, "error": "xmlsec1 missing: apt-get install xmlsec1"}))
    config = SPConfig()
    config.load({
        "entityid": args.sp_entity_id,
        "key_file": args.sp_key,
        "cert_file": args.sp_cert,
        "xmlsec_binary": xmlsec,
        "metadata": {"local": [args.idp_metadata]},
        "service": {
            "sp": {
                "endpoints": {"assertion_consumer_service": [(args.acs_url, BINDING_HTTP_POST)]},
                # Okta's defaults for a SAML IdP.
                "authn_requests_signed": True,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "allow_unsolicited": False,
                "name_id_format": saml.NAMEID_FORMAT_UNSPECIFIED,
                "signing_algorithm": SIG_RSA_SHA256,
                "digest_algorithm": DIGEST_SHA256,
            },
        },
        "accepted_time_diff": 120,
    })
    return Saml2Client(config)


def only_idp(sp):
    idps = list(sp.metadata.identity_providers())
    if len(idps) != 1:
        raise ValueError("expected exactly one IdP in the metadata, found %d" % len(idps))
    return idps[0]


def authn(args):
    sp = client(args)
    idp = only_idp(sp)
    binding = BINDING_HTTP_POST if args.binding == "post" else BINDING_HTTP_REDIRECT
    destination = sp.sso_location(idp, binding)
    extra = {}
    if args.name_id:
        extra["subject"] = saml.Subject(name_id=saml.NameID(text=args.name_id, format=saml.NAMEID_FORMAT_UNSPECIFIED))
    result = {"url": destination, "relay_state": args.relay_state, "saml_request": None, "query": None}
    if binding == BINDING_HTTP_POST:
        # Okta posts the request signed and NOT deflated.
        request_id, signed_xml = sp.create_authn_request(
            destination, binding=BINDING_HTTP_POST, nameid_format=saml.NAMEID_FORMAT_UNSPECIFIED,
            sign=True, sign_alg=SIG_RSA_SHA256, digest_alg=DIGEST_SHA256, **extra)
        result["saml_request"] = base64.b64encode(str(signed_xml).encode("utf-8")).decode("ascii")
    else:
        # The Redirect binding signs the query string, not the XML.
        request_id, request = sp.create_authn_request(
            destination, binding=BINDING_HTTP_POST, nameid_format=saml.NAMEID_FORMAT_UNSPECIFIED,
            sign=False, **extra)
        info = sp.apply_binding(BINDING_HTTP_REDIRECT, str(request), destination, args.relay_state or "",
                                sign=True, sigalg=SIG_RSA_SHA256)
        location = dict(info["headers"])["Location"]
        result["query"] = urlsplit(location).query
    result["id"] = request_id
    return result


class ErrorLog(logging.Handler):
    """pysaml2 refuses some checks (Destination, Recipient) by logging and returning None."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def verify(args):
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    sp = client(args)
    try:
        saml_response = args.saml_response.encode("ascii")
        response = sp.parse_authn_request_response(saml_response, BINDING_HTTP_POST,
                                                   outstanding={args.request_id: "/"})
        if response is None or response.assertion is None:
            raise ValueError("response refused: " + ("; ".join(errors.messages) or "no valid assertion"))
        if response.in_response_to != args.request_id:
            raise ValueError("InResponseTo does not match the request")
        if not response.assertion.signature:
            raise ValueError("assertion is not signed")
        name_id = response.get_subject()
        return {"ok": True, "name_id": name_id.text, "name_id_format": name_id.format,
                "issuer": response.issuer(),
                "session_index": response.assertion.authn_statement[0].session_index}
    except Exception as error:  # any refusal from pysaml2 becomes one JSON line
        detail = "%s: %s" % (type(error).__name__, error)
        if errors.messages and not detail.startswith("ValueError: response refused"):
            detail += " (" + "; ".join(errors.messages) + ")"
        return {"ok": False, "error": detail}


def main():
    # Keep stdout for the JSON line; pysaml2's errors are collected into it instead.
    logging.getLogger().setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description="A SAML SP that plays Okta.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("authn", "verify"):
        command = commands.add_parser(name)
        command.add_argument("--idp-metadata", required=True)
        command.add_argument("--sp-entity-id", required=True)
        command.add_argument("--acs-url", required=True)
        command.add_argument("--sp-key", required=True)
        command.add_argument("--sp-cert", required=True)
        if name == "authn":
            command.add_argument("--binding", choices=("post", "redirect"), required=True)
            command.add_argument("--relay-state")
            command.add_argument("--name-id")
        else:
            command.add_argument("--request-id", required=True)
            command.add_argument("--saml-response", required=True)
    args = parser.parse_args()
    if args.command == "authn":
        print(json.dumps(authn(args)))
        return 0
    result = verify(args)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
