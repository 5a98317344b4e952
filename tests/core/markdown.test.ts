import { describe, expect, it } from "vitest";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { markdownToText, maxMarkdownLength, renderMarkdown } from "@baton/core/markdown";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

// Parsed the way a browser parses innerHTML, so the checks see the attributes a browser would.
function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) found.push(node);
    if ("content" in node) walk(node.content);
    if ("childNodes" in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

// Browsers drop ASCII whitespace and controls inside a scheme, so the check does too.
const dangerousUrl = (value: string) => /^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""));

// Everything markdown-it can emit with html off; anything else came from the input.
const allowedTags = new Set([
  "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "s",
  "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
const allowedAttributes = new Set(["href", "src", "alt", "title", "rel", "target", "class", "start", "style"]);

function expectHarmless(html: string) {
  for (const tag of ["<script", "<iframe", "<svg", "<style", "<object", "<embed", "<math", "<form", "<meta", "<base", "<details"]) {
    expect(html.toLowerCase()).not.toContain(tag);
  }
  for (const element of elements(html)) {
    expect(allowedTags).toContain(element.tagName);
    for (const { name, value } of element.attrs) {
      expect(name).not.toMatch(/^on/i);
      expect(allowedAttributes).toContain(name);
      if (["href", "src", "xlink:href", "action", "formaction", "srcset", "data"].includes(name)) expect(dangerousUrl(value), `${name}="${value}"`).toBe(false);
      if (name === "style") expect(value).toMatch(/^text-align:(left|right|center)$/);
    }
    if (element.tagName === "a") {
      const href = attr(element, "href");
      if (href !== undefined) expect(href).toMatch(/^(https?:|mailto:|[/#])/i);
      expect(attr(element, "rel")).toBe("noopener noreferrer nofollow");
      expect(attr(element, "target")).toBe("_blank");
    }
    if (element.tagName === "img") expect(attr(element, "src")).toMatch(/^https?:/i);
  }
}

describe("renderMarkdown", () => {
  it("renders headings, emphasis, lists and code", () => {
    expect(renderMarkdown("# Weekly notes\n\n## Done")).toBe("<h1>Weekly notes</h1>\n<h2>Done</h2>\n");
    expect(renderMarkdown("Some *light* and **heavy** ~~gone~~")).toBe("<p>Some <em>light</em> and <strong>heavy</strong> <s>gone</s></p>\n");
    expect(renderMarkdown("- one\n- two\n\n3. three\n4. four")).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n");
    expect(renderMarkdown("Run `npm test` first")).toBe("<p>Run <code>npm test</code> first</p>\n");
    expect(renderMarkdown("```ts\nconst a = 1 < 2;\n```")).toBe('<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>\n');
    expect(renderMarkdown("> quoted")).toBe("<blockquote>\n<p>quoted</p>\n</blockquote>\n");
  });

  it("renders safe links with rel and target", () => {
    expect(renderMarkdown("[Docs](https://example.com/a?b=1&c=2)")).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">Docs</a></p>\n',
    );
    expect(renderMarkdown("[Home](/clients) [Top](#top) [Mail](mailto:sam@example.com) [Caps](HTTP://EXAMPLE.COM)")).toBe(
      '<p><a href="/clients" target="_blank" rel="noopener noreferrer nofollow">Home</a> ' +
        '<a href="#top" target="_blank" rel="noopener noreferrer nofollow">Top</a> ' +
        '<a href="mailto:sam@example.com" target="_blank" rel="noopener noreferrer nofollow">Mail</a> ' +
        '<a href="HTTP://EXAMPLE.COM" target="_blank" rel="noopener noreferrer nofollow">Caps</a></p>\n',
    );
  });

  it("linkifies bare URLs and email addresses", () => {
    expect(renderMarkdown("See https://example.com/x or write to sam@example.com")).toBe(
      '<p>See <a href="https://example.com/x" target="_blank" rel="noopener noreferrer nofollow">https://example.com/x</a> ' +
        'or write to <a href="mailto:sam@example.com" target="_blank" rel="noopener noreferrer nofollow">sam@example.com</a></p>\n',
    );
    // ftp: is not on the allow-list, so linkify's match stays text.
    expect(renderMarkdown("ftp://example.com/file")).toBe("<p>ftp://example.com/file</p>\n");
  });

  it("leaves links with other schemes or bare relative paths as text", () => {
    expect(renderMarkdown("[x](ftp://example.com)")).toBe("<p>[x](ftp://example.com)</p>\n");
    expect(renderMarkdown("[x](notes/today.md)")).toBe("<p>[x](notes/today.md)</p>\n");
    expect(renderMarkdown("[x](file:///etc/passwd)")).toBe("<p>[x](file:///etc/passwd)</p>\n");
  });

  it("renders http(s) images and only the alt text of any other", () => {
    expect(renderMarkdown("![Logo](https://cdn.example.com/logo.png)")).toBe('<p><img src="https://cdn.example.com/logo.png" alt="Logo"></p>\n');
    expect(renderMarkdown("![Our *logo*](/logo.png)")).toBe("<p>Our logo</p>\n");
    expect(renderMarkdown("![a <b>](mailto:x@example.com)")).toBe("<p>a &lt;b&gt;</p>\n");
    // markdown-it's own default lets these through; the allow-list does not.
    expect(renderMarkdown("![x](data:image/png;base64,iVBORw0KGgo=)")).not.toContain("<img");
  });

  it("escapes raw HTML instead of passing it through", () => {
    expect(renderMarkdown("<b>bold</b>")).toBe("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
    expect(renderMarkdown("<div>\nblock\n</div>")).toBe("<p>&lt;div&gt;\nblock\n&lt;/div&gt;</p>\n");
  });

  it(`cuts input at ${maxMarkdownLength} characters`, () => {
    expect(renderMarkdown("a".repeat(maxMarkdownLength + 50_000))).toBe(`<p>${"a".repeat(maxMarkdownLength)}</p>\n`);
    // A surrogate pair straddling the cut is dropped whole rather than halved.
    const html = renderMarkdown("a".repeat(maxMarkdownLength - 1) + "😀");
    expect(html).toBe(`<p>${"a".repeat(maxMarkdownLength - 1)}</p>\n`);
  });

  const payloads = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x]( \u0001javascript:alert(1))",
    "[x](<\tjavascript:alert(1)>)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '"><script>alert(1)</script>',
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "<style>body{display:none}</style>",
    "<details open ontoggle=alert(1)>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "javascript:alert(1) and www.javascript:alert(1)",
    '[x](https://example.com "\\" onmouseover=\\"alert(1)")',
    '![x" onerror="alert(1)](https://example.com/a.png)',
    "[<img src=x onerror=alert(1)>](https://example.com)",
    '```" onload="alert(1)\ncode\n```',
    "`<script>alert(1)</script>`",
    "<!-- --><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
  ];

  it("keeps single line breaks when asked, for what people type to each other", () => {
    expect(renderMarkdown("Hi team,\nplease **call** me.")).toBe("<p>Hi team,\nplease <strong>call</strong> me.</p>\n");
    expect(renderMarkdown("Hi team,\nplease **call** me.", { breaks: true })).toBe("<p>Hi team,<br>\nplease <strong>call</strong> me.</p>\n");
    // The same safety rules: raw HTML escaped, links allow-listed.
    expect(renderMarkdown("<b>x</b>\n[y](javascript:alert(1))", { breaks: true })).toBe("<p>&lt;b&gt;x&lt;/b&gt;<br>\n[y](javascript:alert(1))</p>\n");
  });

  it.each(payloads)("renders %j harmless", (payload) => {
    expectHarmless(renderMarkdown(payload));
    expectHarmless(renderMarkdown(payload, { breaks: true }));
    // And the same payload inside ordinary content, where block parsing differs.
    expectHarmless(renderMarkdown(`# Title\n\n- item ${payload}\n\n> ${payload}\n\n| a |\n|---|\n| ${payload} |`));
  });

  it("keeps the text of a refused link visible", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).toBe("<p>[x](javascript:alert(1))</p>\n");
    expect(renderMarkdown("<javascript:alert(1)>")).toBe("<p>&lt;javascript:alert(1)&gt;</p>\n");
  });
});

describe("markdownToText", () => {
  it("strips Markdown syntax to plain text on one line", () => {
    expect(markdownToText("# Weekly notes\n\n- **Call** the [client](https://example.com)\n- Send `invoice`\n\n> Done")).toBe(
      "Weekly notes Call the client Send invoice Done",
    );
    expect(markdownToText("| a | b |\n|---|---|\n| c | d |")).toBe("a b c d");
    expect(markdownToText("Line one  \nline two")).toBe("Line one line two");
  });

  it("decodes entities once, so the result is text and not markup", () => {
    expect(markdownToText("Fish & chips < 10 > 5 \"quoted\"")).toBe('Fish & chips < 10 > 5 "quoted"');
    expect(markdownToText("&amp;lt; &copy;")).toBe("&lt; ©");
    expect(markdownToText("<b>x</b>")).toBe("<b>x</b>");
  });

  it("truncates at a word with an ellipsis", () => {
    expect(markdownToText("alpha beta gamma delta", 12)).toBe("alpha beta…");
    expect(markdownToText("short", 200)).toBe("short");
    expect(markdownToText("abcdefghijklmnop", 6)).toBe("abcde…");
    expect(markdownToText("word ".repeat(100)).length).toBeLessThanOrEqual(200);
    expect(markdownToText("x".repeat(300))).toBe("x".repeat(199) + "…");
  });

  it("never splits an emoji or a Devanagari syllable", () => {
    expect(markdownToText("👍👍👍👍👍👍", 4)).toBe("👍👍👍…");
    // Consonant plus vowel sign: one grapheme in every Unicode version, two code units.
    expect(markdownToText("किकिकिकिकि", 3)).toBe("किकि…");
  });

  it("returns nothing for a limit below one and for empty input", () => {
    expect(markdownToText("text", 0)).toBe("");
    expect(markdownToText("text", Number.NaN)).toBe("");
    expect(markdownToText("")).toBe("");
  });
});
