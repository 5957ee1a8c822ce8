// The match pattern for a site the reader lets newslens run on by itself,
// from the site's origin: its scheme and host, and no port. Firefox's match
// patterns take none (one with a port matches nothing there, so a site
// served on one could never be enabled); Chrome's without a port cover
// every port of the host.
export function sitePattern(origin) {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
