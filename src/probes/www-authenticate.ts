/**
 * WWW-Authenticate parsing (RFC 9110 §11.6.1): one header may carry several challenges, and a
 * response may carry several headers. Parameters are token=token or token="quoted string" with
 * backslash escapes; commas inside quotes do not split.
 */

export interface AuthChallenge {
  /** Lower case: "bearer", "basic", ... */
  scheme: string;
  /** Parameter names lower case; values unquoted. */
  params: Record<string, string>;
  /** token68 form (Negotiate abc==), when present. */
  token68?: string;
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;

class Reader {
  pos = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.pos < this.s.length && (this.s[this.pos] === ' ' || this.s[this.pos] === '\t')) this.pos++;
  }
  commasAndWs(): void {
    while (this.pos < this.s.length && /[ \t,]/.test(this.s[this.pos]!)) this.pos++;
  }
  peek(): string | undefined {
    return this.s[this.pos];
  }
  match(re: RegExp): string | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.s);
    if (!m) return null;
    this.pos = re.lastIndex;
    return m[0];
  }
  quoted(): string {
    // at opening quote
    this.pos++;
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '\\' && this.pos + 1 < this.s.length) {
        out += this.s[this.pos + 1];
        this.pos += 2;
      } else if (c === '"') {
        this.pos++;
        return out;
      } else {
        out += c;
        this.pos++;
      }
    }
    return out; // unterminated: take what is there
  }
  done(): boolean {
    return this.pos >= this.s.length;
  }
}

/** Parses one or more header values into challenges, in order. Junk is skipped, never thrown. */
export function parseWwwAuthenticate(values: string | string[] | undefined | null): AuthChallenge[] {
  if (values === undefined || values === null) return [];
  const out: AuthChallenge[] = [];
  for (const value of Array.isArray(values) ? values : [values]) {
    const r = new Reader(value);
    let current: AuthChallenge | null = null;
    while (true) {
      r.commasAndWs();
      if (r.done()) break;
      const start = r.pos;
      const name = r.match(TOKEN);
      if (!name) {
        // Not a token: skip one character and carry on.
        r.pos = start + 1;
        continue;
      }
      r.ws();
      if (r.peek() === '=' && current) {
        // auth-param of the current challenge (token68 cannot start with "name=" followed by value of a param list, see below)
        r.pos++;
        r.ws();
        let v: string;
        if (r.peek() === '"') v = r.quoted();
        else v = r.match(TOKEN) ?? '';
        current.params[name.toLowerCase()] = v;
        continue;
      }
      // A new challenge: scheme, then token68 or params.
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
      const afterScheme = r.pos;
      const t68 = r.match(TOKEN68);
      if (t68) {
        r.ws();
        const next = r.peek();
        // "scheme token68" stands alone: followed by a comma or the end, and not "name=value".
        if ((next === undefined || next === ',') && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+=[^=]/.test(value.slice(afterScheme))) {
          current.token68 = t68;
          continue;
        }
        r.pos = afterScheme;
      }
    }
  }
  return out;
}

/** The first challenge with this scheme (case-insensitive). */
export function findChallenge(challenges: AuthChallenge[], scheme: string): AuthChallenge | undefined {
  return challenges.find((c) => c.scheme === scheme.toLowerCase());
}
