import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

// The SSRF guard (issue 19). An endpoint's URL is the owner's to choose, so the server must never
// be made to call into its own network: loopback, private, link-local (the cloud metadata
// address), shared and reserved ranges are refused. The check is made when the URL is saved (a
// literal address) and again at every send, on the addresses the name resolves to *for that
// connection* (the socket's own lookup), so a name that resolves to a public address when saved
// and a private one later (DNS rebinding) is refused too.

export type Refusal = "loopback" | "private" | "link-local" | "reserved";

const ranges: [Refusal, BlockList][] = (() => {
  const make = (v4: [string, number][], v6: [string, number][]) => {
    const list = new BlockList();
    for (const [net, prefix] of v4) list.addSubnet(net, prefix, "ipv4");
    for (const [net, prefix] of v6) list.addSubnet(net, prefix, "ipv6");
    return list;
  };
  return [
    ["loopback", make([["127.0.0.0", 8]], [["::1", 128]])],
    ["link-local", make([["169.254.0.0", 16]], [["fe80::", 10]])],
    ["private", make([["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["100.64.0.0", 10]], [["fc00::", 7]])],
    [
      "reserved",
      make(
        [["0.0.0.0", 8], ["192.0.0.0", 24], ["192.0.2.0", 24], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4]],
        [["::", 128], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96]],
      ),
    ],
  ];
})();

/** Why an address may not be called, or null when it may. An IPv4-mapped IPv6 address is judged as its IPv4 one. */
export function refusalOf(address: string): Refusal | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  const family = isIP(ip);
  if (!family) return "reserved";
  for (const [reason, list] of ranges) if (list.check(ip, family === 4 ? "ipv4" : "ipv6")) return reason;
  return null;
}

export type Rules = {
  /** On AWS: https only. Locally http is allowed (the receiver is on the machine). */
  httpsOnly: boolean;
  /** Locally, with BATON_WEBHOOKS_ALLOW_LOOPBACK set: loopback (and only loopback) may be called. */
  allowLoopback: boolean;
};

export const allowed = (reason: Refusal | null, rules: Rules) => reason === null || (reason === "loopback" && rules.allowLoopback);

/** The URL's own problem, if any (before any lookup): a message for the owner. */
export function urlProblem(value: string, rules: Rules): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter the full address, starting with https://.";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !rules.httpsOnly)) return "The address must start with https://.";
  if (url.username || url.password) return "The address can't carry a user name or password.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) return "Enter the full address, starting with https://.";
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) {
    if (!rules.allowLoopback || !(host === "localhost")) return "The address must be reachable on the internet, not a local or private one.";
  }
  if (isIP(host) && !allowed(refusalOf(host), rules)) return "The address must be reachable on the internet, not a local or private one.";
  return null;
}

export class RefusedAddress extends Error {
  constructor(readonly host: string, readonly address: string, readonly reason: Refusal) {
    super(`refused: ${host} resolves to a ${reason} address (${address})`);
    this.name = "RefusedAddress";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves the name, refuses it if any of its addresses may not be
 * called, and connects to the address it checked (never a second resolution).
 */
export function guardedLookup(rules: Rules, resolve: typeof dnsLookup = dnsLookup) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((entry) => !allowed(refusalOf(entry.address), rules));
      if (bad) return callback(Object.assign(new RefusedAddress(hostname, bad.address, refusalOf(bad.address)!), { code: "EREFUSED_ADDRESS" }), "", 0);
      if (!list.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      if (options.all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
