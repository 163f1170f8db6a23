"""Which addresses the API may fetch from (web/addresses.py): judged by number, and by what a
name resolves to. Nothing here opens a connection."""

import ipaddress

import pytest

from quoteapi.web.addresses import allowed_addresses, kind_of
from quoteapi.web.errors import AddressRefused


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6 is the IPv4 address
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("169.254.10.10", "link-local"),
        ("fe80::1", "link-local"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("0.0.0.0", "private"),
        ("224.0.0.1", "reserved"),
        ("8.8.8.8", None),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_each_address_is_judged_by_number(address: str, kind: str | None) -> None:
    assert kind_of(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    ("host", "what"),
    [
        ("localhost", "resolves to a loopback address"),
        ("2130706433", "resolves to a loopback address"),  # 127.0.0.1 as one number
        ("0x7f000001", "resolves to a loopback address"),
        ("127.0.0.1", "is a loopback address"),
        ("::1", "is a loopback address"),
    ],
)
def test_a_name_is_judged_by_what_it_resolves_to(host: str, what: str) -> None:
    with pytest.raises(AddressRefused, match=what) as refused:
        allowed_addresses(host, 80)
    assert "QUOTEAPI_FETCH_ALLOW_PRIVATE=1" in refused.value.message
    assert refused.value.status == 422


def test_without_a_judge_any_address_is_allowed() -> None:
    assert ipaddress.ip_address("127.0.0.1") in allowed_addresses("localhost", 80, None)
