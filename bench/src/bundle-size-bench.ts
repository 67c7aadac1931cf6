/**
 * Issue 4's bundle benchmark: Flowmap's built client against a page with tldraw alone, both built by the
 * same Vite in this run. Compares the JavaScript and CSS a first visit downloads (raw, gzip, brotli):
 * what index.html names (its module script, module preloads and stylesheets); chunks loaded on demand
 * (the file converters, the Insights panel, replay, loaded once the page is idle; the import and
 * simulation workers and the layout library) are listed apart;
 * lists apart what Flowmap serves beyond that (the service worker, and tldraw's fonts, icons and
 * translations, which Flowmap self-hosts while tldraw alone fetches them from its CDN at run time).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, relative } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { buildFlowmapClient, buildTldrawAlone } from './browser/build-bundles.ts'

interface Sizes {
  files: number
  raw: number
  gzip: number
  brotli: number
}

const empty = (): Sizes => ({ files: 0, raw: 0, gzip: 0, brotli: 0 })

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
}

type Category = 'js' | 'css' | 'on demand' | 'service worker' | 'assets'

/** The files index.html makes the browser fetch at once: its scripts, module preloads and stylesheets. */
function firstVisitFiles(dir: string): Set<string> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const names = new Set<string>()
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+)"[^>]*>/g)) {
    const tag = match[0]
    if (tag.startsWith('<script') || /rel="(?:modulepreload|stylesheet)"/.test(tag)) names.add(match[1]!)
  }
  return names
}

/** What kind of download a built file is; the service worker and Workbox runtime count apart from the app. */
function categoryOf(dir: string, path: string, firstVisit: Set<string>): Category {
  const name = relative(dir, path)
  if (name === 'sw.js' || /^workbox-.*\.js$/.test(name)) return 'service worker'
  if (extname(name) === '.js') return firstVisit.has(name) ? 'js' : 'on demand'
  if (extname(name) === '.css') return 'css'
  return 'assets'
}

function measure(dir: string): Record<Category, Sizes> {
  const totals = {
    js: empty(),
    css: empty(),
    'on demand': empty(),
    'service worker': empty(),
    assets: empty(),
  }
  const firstVisit = firstVisitFiles(dir)
  for (const path of filesUnder(dir)) {
    const bytes = readFileSync(path)
    const sizes = totals[categoryOf(dir, path, firstVisit)]
    sizes.files++
    sizes.raw += bytes.length
    sizes.gzip += gzipSync(bytes, { level: 9 }).length
    sizes.brotli += brotliCompressSync(bytes).length
  }
  return totals
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
const times = (ours: number, reference: number) =>
  reference > 0 ? `${(ours / reference).toFixed(2)}×` : 'n/a'

const workDir = mkdtempSync(join(tmpdir(), 'flowmap-bundle-bench-'))
try {
  const flowmapDir = join(workDir, 'flowmap')
  const tldrawDir = join(workDir, 'tldraw-alone')
  await buildTldrawAlone(tldrawDir)
  await buildFlowmapClient(flowmapDir)
  const flowmap = measure(flowmapDir)
  const tldraw = measure(tldrawDir)

  console.log('bundle size: Flowmap client vs tldraw alone (same Vite, this run)')
  const header = ['', 'files', 'raw', 'gzip', 'brotli', 'gzip ratio']
  const rows: string[][] = []
  for (const category of ['js', 'css'] as const) {
    rows.push([
      `tldraw alone ${category}`,
      String(tldraw[category].files),
      kB(tldraw[category].raw),
      kB(tldraw[category].gzip),
      kB(tldraw[category].brotli),
      '1.00×',
    ])
    rows.push([
      `Flowmap ${category}`,
      String(flowmap[category].files),
      kB(flowmap[category].raw),
      kB(flowmap[category].gzip),
      kB(flowmap[category].brotli),
      times(flowmap[category].gzip, tldraw[category].gzip),
    ])
  }
  const firstVisit = (s: typeof flowmap) => s.js.gzip + s.css.gzip
  const firstVisitRow = (label: string, s: typeof flowmap, ratio: string) => [
    label,
    '',
    kB(s.js.raw + s.css.raw),
    kB(firstVisit(s)),
    kB(s.js.brotli + s.css.brotli),
    ratio,
  ]
  rows.push(firstVisitRow('JS + CSS, tldraw alone', tldraw, '1.00×'))
  rows.push(firstVisitRow('JS + CSS, Flowmap', flowmap, times(firstVisit(flowmap), firstVisit(tldraw))))
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)))
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'))
  console.log(
    `\nFlowmap loads on demand (not on a first visit): ${flowmap['on demand'].files} JS files, ` +
      `${kB(flowmap['on demand'].raw)} (gzip ${kB(flowmap['on demand'].gzip)})`,
  )
  console.log(
    `Flowmap also serves: service worker ${kB(flowmap['service worker'].raw)} (gzip ${kB(flowmap['service worker'].gzip)}), ` +
      `self-hosted tldraw fonts/icons/translations and other assets ${flowmap.assets.files} files, ${kB(flowmap.assets.raw)} ` +
      `(tldraw alone: ${tldraw.assets.files} files, ${kB(tldraw.assets.raw)}; it loads those from its CDN)`,
  )
  console.log(
    `ratio Flowmap / tldraw alone, JS + CSS gzip: ${times(firstVisit(flowmap), firstVisit(tldraw))}`,
  )
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
