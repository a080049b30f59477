/**
 * What the request log may show of a URL. Event streams take their participant token in the query string
 * (EventSource cannot set headers), so every parameter whose name reads as a secret once decoded loses its
 * value: `?token=`, `?%74oken=`, `?TOKEN=`, `?access_token=`, `?x-api-token[]=` alike.
 */

/** Parameter names that carry secrets, matched anywhere in the decoded, lower-cased name. */
const SECRET_NAME = /token|password|secret|code/;

/**
 * Undoes percent-encoding (and `+` for space) the way a query parser would, tolerating malformed
 * sequences, and repeats it so that a name encoded twice is judged by what it finally says.
 */
export function decodeParameterName(name: string): string {
  let decoded = name;
  for (let round = 0; round < 4; round++) {
    const next = decoded.replace(/\+/g, ' ').replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        // Not UTF-8: decode byte by byte, as Node's querystring does.
        return run.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      }
    });
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

export function isSecretParameter(name: string): boolean {
  return SECRET_NAME.test(decodeParameterName(name).toLowerCase());
}

export function withoutSecrets(url: string | undefined): string | undefined {
  if (!url) return url;
  const start = url.indexOf('?');
  if (start < 0) return url;
  // `;` separates parameters for some parsers: treat it as a separator too, so nothing slips between them.
  const query = url
    .slice(start + 1)
    .split(/([&;])/)
    .map((part) => {
      if (part === '&' || part === ';') return part;
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return eq >= 0 && isSecretParameter(name) ? `${name}=[redacted]` : part;
    })
    .join('');
  return `${url.slice(0, start)}?${query}`;
}
