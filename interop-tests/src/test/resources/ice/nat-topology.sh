#!/usr/bin/env bash
# Builds (up) or removes (down) a private NAT topology out of network namespaces:
#
#   PREFIX-hA 10.200.1.2 --- 10.200.1.1 PREFIX-rA 203.0.113.10 --+
#                                   (MASQUERADE)                  +-- br0 in PREFIX-pub: 203.0.113.1
#   PREFIX-hB 10.200.2.2 --- 10.200.2.1 PREFIX-rB 203.0.113.20 --+    (coturn: STUN and TURN)
#                                   (MASQUERADE)
#
#   nat-topology.sh up PREFIX cone|symmetric
#   nat-topology.sh down PREFIX
#
# "cone": plain MASQUERADE. Linux keeps the source port when it can, so the mapping does not
#   depend on the destination and UDP hole punching through the srflx candidates works.
# "symmetric": MASQUERADE --random-fully, a fresh random port for every new destination, so a
#   srflx candidate learnt from the STUN server is useless towards the peer and only a relay works.
#
# Safety (TESTRIG.md): every address is a test range (10.200/16, 203.0.113/24 TEST-NET-3), every
# default route ends at 203.0.113.254 on the private bridge, which does not exist, and nothing
# is connected to any pre-existing interface: the veth
# pairs are created here and moved straight into the new namespaces. The namespaces live in
# /run/netns, which may be shared with the host, so PREFIX must be unique and "down" must run;
# "up" tears down whatever it built if any step fails.
set -euo pipefail

cmd=${1:?usage: nat-topology.sh up PREFIX cone|symmetric | down PREFIX}
prefix=${2:?PREFIX missing}
[[ $prefix =~ ^[a-z0-9-]{1,12}$ ]] || { echo "nat-topology: bad prefix '$prefix'" >&2; exit 2; }

down() {
  local ns
  for ns in hA hB rA rB pub; do
    if ip netns list | grep -qw "$prefix-$ns"; then
      # Anything still running in there (coturn, agents) would keep the namespace alive.
      for pid in $(ip netns pids "$prefix-$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
      ip netns del "$prefix-$ns" || true
    fi
  done
}

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "nat-topology: $1 not found: apt-get install -y $2" >&2; exit 3; }
}

up() {
  local mode=${1:?cone|symmetric}
  local random=()
  case $mode in
    cone) ;;
    symmetric) random=(--random-fully) ;;
    *) echo "nat-topology: unknown mode $mode" >&2; exit 2 ;;
  esac
  need ip iproute2
  need iptables iptables
  trap 'status=$?; if [[ $status -ne 0 ]]; then echo "nat-topology: up failed, removing namespaces" >&2; down; fi' EXIT

  local p=$prefix
  for ns in pub rA rB hA hB; do
    ip netns add "$p-$ns"
    ip -n "$p-$ns" link set lo up
  done

  # The public segment: a bridge with the server address on it.
  ip -n "$p-pub" link add br0 type bridge
  ip -n "$p-pub" addr add 203.0.113.1/24 dev br0
  ip -n "$p-pub" link set br0 up
  # "The rest of the internet" is 203.0.113.254, which nobody answers (ARP fails, packets die on
  # the bridge). Without any route, coturn's sendto to a private peer fails with ENETUNREACH and
  # coturn tears the whole allocation down; a real server's default route swallows such packets.
  ip -n "$p-pub" route add default via 203.0.113.254

  local side lan wan_ip
  for side in A B; do
    case $side in A) lan=1; wan_ip=203.0.113.10 ;; B) lan=2; wan_ip=203.0.113.20 ;; esac
    # Router WAN <-> public bridge. Veth names are made in the target namespaces, so they never
    # exist (even briefly) in the namespace this script runs in.
    ip -n "$p-r$side" link add wan type veth peer name "r$side" netns "$p-pub"
    ip -n "$p-pub" link set "r$side" master br0
    ip -n "$p-pub" link set "r$side" up
    ip -n "$p-r$side" addr add "$wan_ip/24" dev wan
    ip -n "$p-r$side" link set wan up
    # Host <-> router LAN.
    ip -n "$p-h$side" link add eth0 type veth peer name lan netns "$p-r$side"
    ip -n "$p-r$side" addr add "10.200.$lan.1/24" dev lan
    ip -n "$p-r$side" link set lan up
    ip -n "$p-h$side" addr add "10.200.$lan.2/24" dev eth0
    ip -n "$p-h$side" link set eth0 up
    # Like a real host: everything goes to the router. The router has no default route, so
    # traffic for the other private network (B's host candidate) dies there, unreachable.
    ip -n "$p-h$side" route add default via "10.200.$lan.1"
    # The router forwards and masquerades LAN traffic leaving on its WAN side.
    ip netns exec "$p-r$side" sysctl -q -w net.ipv4.ip_forward=1
    ip netns exec "$p-r$side" iptables -t nat -A POSTROUTING -o wan -j MASQUERADE "${random[@]}"
    ip -n "$p-r$side" route add default via 203.0.113.254
    # A home router's WAN firewall: unsolicited packets are dropped before conntrack confirms an
    # entry for them. Without it, a peer's check that arrives before our own first packet leaves
    # an inbound entry whose tuple clashes with our later outbound mapping, and MASQUERADE then
    # picks another port: hole punching would fail even for the port-preserving case.
    ip netns exec "$p-r$side" iptables -A INPUT -i wan -m conntrack --ctstate NEW,INVALID -j DROP
  done
  trap - EXIT
  echo "nat-topology: $p up ($mode)"
}

case $cmd in
  up) up "${3:-}" ;;
  down) down; echo "nat-topology: $prefix down" ;;
  *) echo "nat-topology: unknown command $cmd" >&2; exit 2 ;;
esac
