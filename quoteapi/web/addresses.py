"""Where the API may fetch from: no server-side request forgery.

A URL sent to the API must not make the server reach what only it can reach: itself (loopback),
the networks behind it (private ranges, carrier-grade NAT), link-local addresses with the cloud
metadata services on them (169.254.169.254, fd00:ec2::254), or any other address that is not
public. The host is judged by the addresses it resolves to (so "localhost", "2130706433" and
"[::ffff:127.0.0.1]" are what they are), on every connection, redirects included: transport.py
connects only to an address judged here, so a name that resolves elsewhere a moment later (DNS
rebinding) changes nothing.

Hand-written because no well-kept library guards httpx's connections; the judging itself is
Python's ``ipaddress``.
"""

import ipaddress
import socket
from collections.abc import Callable

from .errors import AddressRefused, FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Judge = Callable[[Address], str | None]  # why an address is off limits, or None

# cloud metadata services, named in the refusal (all of them are non-public anyway)
METADATA = frozenset(map(ipaddress.ip_address, (
    "169.254.169.254",  # AWS, GCP, Azure, DigitalOcean, OpenStack
    "169.254.170.2",  # AWS ECS task metadata
    "fd00:ec2::254",  # AWS over IPv6
    "100.100.100.200",  # Alibaba Cloud
)))
ALLOW_SETTING = "QUOTEAPI_FETCH_ALLOW_PRIVATE=1"


def kind_of(address: Address) -> str | None:
    """What makes ``address`` off limits ("loopback", "private", ...), or None if public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if address in METADATA:
        return "cloud metadata"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private:
        return "private"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return "reserved"
    if not address.is_global:  # carrier-grade NAT (100.64.0.0/10) and other special ranges
        return "non-public"
    return None


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to for TCP, in the resolver's order."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve the host {host} ({error})", transient=True) from None
    addresses: list[Address] = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])  # no IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    return addresses


def allowed_addresses(host: str, port: int, judge: Judge | None = kind_of) -> list[Address]:
    """The addresses to connect to for ``host``; AddressRefused when ``judge`` finds any of
    them off limits (a name with one private address is refused whole). No judge: any."""
    addresses = resolve(host, port)
    if judge is None:
        return addresses
    for address in addresses:
        kind = judge(address)
        if kind is not None:
            what = "is" if host.strip("[]") == str(address) else "resolves to"
            raise AddressRefused(
                f"{host} {what} a {kind} address: the server does not fetch loopback, private, "
                f"link-local or cloud-metadata addresses ({ALLOW_SETTING} allows them)"
            )
    return addresses
