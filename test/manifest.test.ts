/**
 * @jest-environment jsdom
 */
// manifest.xml: schema validation offline (xmllint + the mended XSDs in test/manifest-schemas),
// the checks the schema cannot make (resids, en-US overrides, icon sizes, https, GUID, requirement
// set, permissions), the committed icons, and the production URL rebasing of webpack.config.js.
// jsdom is used only for its DOMParser (XML with namespaces); files and xmllint go through Node.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_DIR = path.join(__dirname, "manifest-schemas");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const MANIFEST = readFileSync(MANIFEST_PATH, "utf8");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

interface WebpackConfigHelpers {
  DEV_BASE_URL: string;
  substituteBaseUrl(xml: string, publicUrl: string): string;
  normalizePublicUrl(url: string): string;
  resolvePublicUrl(environment?: Record<string, string | undefined>): string;
}
// webpack.config.js is CommonJS; its plugins are required lazily, so loading it here is cheap.
const webpackConfig = require("../webpack.config.js") as WebpackConfigHelpers;
const DEV_BASE_URL = webpackConfig.DEV_BASE_URL;

// ---- helpers --------------------------------------------------------------------------------

function xmllint(file: string): { status: number; output: string } {
  const result = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error("xmllint not found: install it with `apt-get install -y libxml2-utils` (CI does this in .ci/run)");
  }
  if (result.error) throw result.error;
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function validateText(xml: string): { status: number; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    writeFileSync(file, xml, "utf8");
    return xmllint(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest.xml is not well-formed: ${error.textContent}`);
  return doc;
}

const doc = parse(MANIFEST);
const all = (ns: string, local: string, within: Document | Element = doc): Element[] =>
  Array.from(within.getElementsByTagNameNS(ns, local));
const one = (ns: string, local: string, within: Document | Element = doc): Element => {
  const found = all(ns, local, within);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0];
};
const childrenOf = (parent: Element, ns: string, local: string): Element[] =>
  Array.from(parent.children).filter((e) => e.namespaceURI === ns && e.localName === local);

const root = doc.documentElement;
const versionOverrides = one(NS.ov, "VersionOverrides");
const resources = one(NS.ov, "Resources", versionOverrides);

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_ITEM: Record<ResourceKind, string> = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" };
const resourceIds = (kind: ResourceKind): string[] =>
  all(NS.bt, kind, resources).flatMap((group) => childrenOf(group, NS.bt, RESOURCE_ITEM[kind]).map((e) => e.getAttribute("id") ?? ""));
const resourceById = (kind: ResourceKind, id: string): Element => {
  const found = all(NS.bt, kind, resources).flatMap((group) =>
    childrenOf(group, NS.bt, RESOURCE_ITEM[kind]).filter((e) => e.getAttribute("id") === id),
  );
  if (found.length !== 1) throw new Error(`resource ${kind}/${id}: ${found.length} definitions`);
  return found[0];
};

/** Which resource collection a `resid` on an element of this local name must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  FunctionFile: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const residUses = Array.from(versionOverrides.getElementsByTagName("*"))
  .filter((e) => e.hasAttribute("resid") && e.parentElement !== null && e.parentElement.localName !== "Images")
  .map((e) => ({ element: e.localName, resid: e.getAttribute("resid") ?? "" }));

/** Every URL in the manifest: DefaultValue/Value attributes that look like URLs and AppDomain texts. */
function urlsOf(d: Document): string[] {
  const urls: string[] = [];
  for (const e of Array.from(d.getElementsByTagName("*"))) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = e.getAttribute(attr);
      if (v && /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) urls.push(v);
    }
    if (e.localName === "AppDomain") urls.push((e.textContent ?? "").trim());
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR first`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Local file that a development URL of the manifest serves (assets are copied as is to dist/). */
function localFileOf(url: string): string {
  expect(url.startsWith(DEV_BASE_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_BASE_URL.length));
}

// ---- schema ---------------------------------------------------------------------------------

describe("manifest.xml against the Office add-in XSDs (offline, xmllint)", () => {
  test("the vendored schemas are where the test expects them, with their mends for libxml2", () => {
    expect(existsSync(SCHEMA)).toBe(true);
    const xsds = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
    expect(xsds.length).toBeGreaterThanOrEqual(6);
    for (const file of xsds) {
      const text = readFileSync(path.join(SCHEMA_DIR, file), "utf8");
      // See test/manifest-schemas/README.md: the published copies carry both of these.
      expect({ file, httpsNamespace: text.includes('"https://www.w3.org/2001/XMLSchema"') }).toEqual({ file, httpsNamespace: false });
      expect({ file, lazyQuantifier: text.includes("{0,3}?") }).toEqual({ file, lazyQuantifier: false });
    }
  });

  test("manifest.xml validates", () => {
    const { status, output } = xmllint(MANIFEST_PATH);
    expect(output).toContain("validates");
    expect(status).toBe(0);
  });

  // The schema check must be able to fail: each mutation breaks the manifest in a way the XSD covers.
  test.each([
    ["unknown permission", (x: string) => x.replace("<Permissions>ReadWriteDocument<", "<Permissions>Everything<")],
    ["elements out of order", (x: string) => x.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1")],
    ["bad version format", (x: string) => x.replace("<Version>1.0.0.0<", "<Version>1.0.0.0.0<")],
    ["an Id that is not a GUID", (x: string) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>jixiao-addin</Id>")],
    ["a string resource without an id", (x: string) => x.replace('<bt:String id="Group.Label"', "<bt:String")],
  ])("xmllint rejects a manifest with %s", (_name, mutate) => {
    const mutated = mutate(MANIFEST);
    expect(mutated).not.toBe(MANIFEST);
    expect(validateText(mutated).status).not.toBe(0);
  });
});

// ---- what the schema cannot check -----------------------------------------------------------

describe("manifest.xml content", () => {
  test("is an Excel task-pane add-in with a GUID Id, version 1.0.0.0 and zh-CN default locale", () => {
    expect(root.namespaceURI).toBe(NS.app);
    expect(root.getAttributeNS(NS.xsi, "type")).toBe("TaskPaneApp");
    expect(one(NS.app, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(one(NS.app, "Id").textContent).not.toMatch(/^0{8}-/);
    expect(one(NS.app, "Version").textContent).toBe("1.0.0.0");
    expect(one(NS.app, "DefaultLocale").textContent).toBe("zh-CN");
    expect(one(NS.app, "ProviderName").textContent?.trim()).not.toBe("");
    const hosts = all(NS.app, "Host").filter((h) => h.parentElement?.namespaceURI === NS.app);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(all(NS.ov, "Host", versionOverrides).map((h) => h.getAttributeNS(NS.xsi, "type"))).toEqual(["Workbook"]);
  });

  test("asks for ReadWriteDocument", () => {
    expect(one(NS.app, "Permissions").textContent?.trim()).toBe("ReadWriteDocument");
  });

  test("requires ExcelApi 1.7 in the base manifest and in VersionOverrides", () => {
    const baseSets = all(NS.app, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    const overrideSets = all(NS.bt, "Set", versionOverrides).map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(baseSets).toEqual([["ExcelApi", "1.7"]]);
    expect(overrideSets).toEqual([["ExcelApi", "1.7"]]);
    expect(one(NS.app, "Sets").getAttribute("DefaultMinVersion")).toBe("1.1");
    expect(one(NS.bt, "Sets", versionOverrides).getAttribute("DefaultMinVersion")).toBe("1.1");
  });

  test("DisplayName and Description have an en-US override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const element = childrenOf(root, NS.app, name)[0];
      expect(element.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/); // Chinese default
      const overrides = childrenOf(element, NS.app, "Override").filter((o) => o.getAttribute("Locale") === "en-US");
      expect(overrides).toHaveLength(1);
      expect(overrides[0].getAttribute("Value")?.trim()).not.toBe("");
    }
  });

  test("resource ids are unique", () => {
    const ids = (["Images", "Urls", "ShortStrings", "LongStrings"] as const).flatMap(resourceIds);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every resid resolves to a resource of the right kind", () => {
    expect(residUses.length).toBeGreaterThan(0);
    for (const { element, resid } of residUses) {
      const kind = RESID_KIND[element];
      if (!kind) throw new Error(`no rule for resid on <${element}>`);
      if (!resourceIds(kind).includes(resid)) throw new Error(`<${element} resid="${resid}"> has no ${kind} resource`);
    }
  });

  test("every resource is used", () => {
    const used = new Set(residUses.map((u) => u.resid));
    for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
      for (const id of resourceIds(kind)) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
    }
  });

  test("every string resource has an en-US override and fits its length limit", () => {
    for (const [kind, limit] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
      const ids = resourceIds(kind);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const s = resourceById(kind, id);
        const en = childrenOf(s, NS.bt, "Override").filter((o) => o.getAttribute("Locale") === "en-US");
        expect({ id, overrides: en.length }).toEqual({ id, overrides: 1 });
        expect((en[0].getAttribute("Value") ?? "").trim()).not.toBe("");
        expect((s.getAttribute("DefaultValue") ?? "").length).toBeLessThanOrEqual(limit);
        expect((en[0].getAttribute("Value") ?? "").length).toBeLessThanOrEqual(limit);
      }
    }
  });

  test("all URLs are https and on the development base, so the production build can rebase them", () => {
    const urls = urlsOf(doc);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(url === DEV_BASE_URL.replace(/\/$/, "") || url.startsWith(DEV_BASE_URL)).toBe(true);
    }
  });

  test("a Home-tab ribbon button opens the task pane at the default source location", () => {
    const surface = all(NS.ov, "ExtensionPoint", versionOverrides);
    expect(surface.map((e) => e.getAttributeNS(NS.xsi, "type"))).toEqual(["PrimaryCommandSurface"]);
    expect(all(NS.ov, "OfficeTab", versionOverrides).map((t) => t.getAttribute("id"))).toEqual(["TabHome"]);
    const controls = all(NS.ov, "Control", versionOverrides);
    expect(controls.map((c) => c.getAttributeNS(NS.xsi, "type"))).toEqual(["Button"]);
    const action = one(NS.ov, "Action", controls[0]);
    expect(action.getAttributeNS(NS.xsi, "type")).toBe("ShowTaskpane");
    const resid = one(NS.ov, "SourceLocation", action).getAttribute("resid") ?? "";
    const paneUrl = resourceById("Urls", resid).getAttribute("DefaultValue");
    const defaultSource = one(NS.app, "SourceLocation").getAttribute("DefaultValue");
    expect(paneUrl).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(defaultSource).toBe(paneUrl);
    expect(existsSync(path.join(ROOT, "src/taskpane/taskpane.html"))).toBe(true);
  });

  test("group and button icons come in 16, 32 and 80 px", () => {
    const icons = all(NS.ov, "Icon", versionOverrides);
    expect(icons.length).toBe(2);
    for (const icon of icons) {
      expect(childrenOf(icon, NS.bt, "Image").map((i) => i.getAttribute("size"))).toEqual(["16", "32", "80"]);
    }
  });
});

// ---- icons ----------------------------------------------------------------------------------

describe("icons", () => {
  test("IconUrl is 32x32 and HighResolutionIconUrl is 64x64", () => {
    for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]] as const) {
      const file = localFileOf(one(NS.app, name).getAttribute("DefaultValue") ?? "");
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("every image resource exists with the pixel size its <Icon> uses", () => {
    const sizeByResid = new Map<string, string>();
    for (const img of all(NS.ov, "Icon", versionOverrides).flatMap((i) => childrenOf(i, NS.bt, "Image"))) {
      sizeByResid.set(img.getAttribute("resid") ?? "", img.getAttribute("size") ?? "");
    }
    for (const id of resourceIds("Images")) {
      const size = Number(sizeByResid.get(id));
      const file = localFileOf(resourceById("Images", id).getAttribute("DefaultValue") ?? "");
      expect({ id, ...pngSize(file) }).toEqual({ id, width: size, height: size });
    }
  });

  test("assets/icon-N.png is N x N for 16, 32, 64, 80 and 128", () => {
    const files = readdirSync(path.join(ROOT, "assets")).filter((f) => /^icon-\d+\.png$/.test(f)).sort();
    expect(files).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const f of files) {
      const n = Number(/\d+/.exec(f)![0]);
      expect({ f, ...pngSize(path.join(ROOT, "assets", f)) }).toEqual({ f, width: n, height: n });
    }
  });

  test("the committed icons are what scripts/make-icons.mjs draws", () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/make-icons.mjs"), "--check"], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

// ---- production URL rebasing (webpack.config.js) ----------------------------------------------

describe("substituteBaseUrl (dist/manifest.xml in production builds)", () => {
  test("the development base URL leaves the manifest unchanged", () => {
    expect(webpackConfig.substituteBaseUrl(MANIFEST, "https://localhost:3000/")).toBe(MANIFEST);
    expect(webpackConfig.substituteBaseUrl(MANIFEST, "https://localhost:3000")).toBe(MANIFEST);
  });

  test.each([
    ["https://addins.example.gov.cn/jixiao", "https://addins.example.gov.cn/jixiao/", "https://addins.example.gov.cn"],
    ["https://addins.example.gov.cn/", "https://addins.example.gov.cn/", "https://addins.example.gov.cn"],
    ["https://cdn.example.com:8443/a/b/", "https://cdn.example.com:8443/a/b/", "https://cdn.example.com:8443"],
  ])("rebases every URL on %s", (publicUrl, base, origin) => {
    const out = webpackConfig.substituteBaseUrl(MANIFEST, publicUrl);
    expect(out).not.toContain("localhost:3000");
    const before = urlsOf(doc);
    const after = urlsOf(parse(out));
    expect(after).toHaveLength(before.length);
    after.forEach((url, i) => {
      const expected = before[i].startsWith(DEV_BASE_URL) ? base + before[i].slice(DEV_BASE_URL.length) : origin;
      expect(url).toBe(expected);
    });
    expect(validateText(out).status).toBe(0);
  });

  test("characters special in XML are escaped and the result still validates", () => {
    const out = webpackConfig.substituteBaseUrl(MANIFEST, "https://example.com/a&b/");
    expect(out).toContain("https://example.com/a&amp;b/taskpane.html");
    expect(one(NS.app, "SourceLocation", parse(out)).getAttribute("DefaultValue")).toBe("https://example.com/a&b/taskpane.html");
    expect(validateText(out).status).toBe(0);
  });

  test.each([
    ["http://addins.example.gov.cn/", /https/],
    ["addins.example.gov.cn", /not a valid URL/],
    ["https://example.com/?v=1", /without query/],
    ["https://example.com/#x", /without query/],
  ])("rejects %s", (publicUrl, message) => {
    expect(() => webpackConfig.substituteBaseUrl(MANIFEST, publicUrl)).toThrow(message);
  });

  test("fails loudly on a manifest with no development URL to rebase", () => {
    const noDevUrls = MANIFEST.split(DEV_BASE_URL).join("https://elsewhere.example/");
    expect(() => webpackConfig.substituteBaseUrl(noDevUrls, "https://example.com/")).toThrow(/no https:\/\/localhost:3000\//);
  });

  test("resolvePublicUrl reads ADDIN_PUBLIC_URL and defaults to the development base", () => {
    expect(webpackConfig.resolvePublicUrl({})).toBe(DEV_BASE_URL);
    expect(webpackConfig.resolvePublicUrl({ ADDIN_PUBLIC_URL: "" })).toBe(DEV_BASE_URL);
    expect(webpackConfig.resolvePublicUrl({ ADDIN_PUBLIC_URL: "https://x.example.cn/p" })).toBe("https://x.example.cn/p/");
    expect(() => webpackConfig.resolvePublicUrl({ ADDIN_PUBLIC_URL: "ftp://x" })).toThrow(/https/);
  });
});
