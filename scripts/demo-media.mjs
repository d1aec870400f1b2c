#!/usr/bin/env node
// Makes the demo's two sample files in resources/demo/ (committed, so users need
// neither ffmpeg nor this script): a short clip and a one-page document, both
// labelled as samples made for the demo, not evidence of the incident.
//   node scripts/demo-media.mjs        (needs ffmpeg on PATH)
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'

const out = join(import.meta.dirname, '..', 'resources', 'demo')
const fonts = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const font = join(fonts, 'DejaVuSans.ttf')
const bold = join(fonts, 'DejaVuSans-Bold.ttf')

// 8 s, 30 fps, 320x180, VP9 in WebM (plays in Chromium and Electron), with a running clock and three
// scenes the demo annotates: a closed door, a figure approaching, the door held shut.
const scene = (from, to, text) =>
  `drawtext=fontfile=${bold}:text='${text}':fontcolor=white:fontsize=15:x=(w-tw)/2:y=70:enable='between(t,${from},${to})'`
const filter = [
  `drawbox=x=120:y=40:w=80:h=120:color=0x6b4f2a@1:t=fill`,
  `drawbox=x=0:y=160:w=320:h=20:color=0x333333@1:t=fill`,
  `drawtext=fontfile=${font}:text='SAMPLE CLIP - made by Casefile for the demo':fontcolor=yellow:fontsize=11:x=(w-tw)/2:y=6`,
  `drawtext=fontfile=${font}:text='Not the incident video':fontcolor=yellow:fontsize=11:x=(w-tw)/2:y=22`,
  `drawtext=fontfile=${font}:text='%{pts\\:hms}':fontcolor=white:fontsize=12:x=8:y=164`,
  scene(0, 2.6, 'Door closed'),
  scene(2.6, 5.3, 'Someone approaches'),
  scene(5.3, 8, 'Door held shut'),
].join(',')
execFileSync('ffmpeg', [
  '-y',
  '-v',
  'error',
  '-f',
  'lavfi',
  '-i',
  'color=c=0x8aa2b8:s=320x180:r=30:d=8',
  '-vf',
  filter,
  '-c:v',
  'libvpx-vp9',
  '-b:v',
  '120k',
  '-pix_fmt',
  'yuv420p',
  '-row-mt',
  '1',
  '-metadata',
  'title=Casefile sample clip (made for the demo; not the incident video)',
  join(out, 'sample-clip.webm'),
])

// A one-page document standing in for a bulletin a desk officer would file.
const doc = new PDFDocument({
  size: 'A4',
  margin: 64,
  info: {
    Title: 'Sample document (made for the Casefile demo)',
    CreationDate: new Date('2026-01-27T23:00:00Z'),
    ModDate: new Date('2026-01-27T23:00:00Z'),
  },
})
doc.pipe(createWriteStream(join(out, 'sample-bulletin.pdf')))
doc.registerFont('regular', font).registerFont('bold', bold)
doc
  .font('bold')
  .fontSize(9)
  .fillColor('#a00')
  .text('SAMPLE DOCUMENT - made by Casefile for the demo; not an official text', { align: 'center' })
doc.moveDown(2).fillColor('#000').font('bold').fontSize(15).text('Bulletin: attempted entry into a consulate (summary)')
doc.moveDown().font('regular').fontSize(11)
doc.text(
  "This page stands in for the bulletin a ministry published on 27 January 2026. It summarises, in the demo's own words, what the case file records:",
)
doc.moveDown()
for (const line of [
  "An immigration officer came to the consulate's main door at about 11:00 local time, apparently following two people inside.",
  'Staff closed the door, activated the security protocol and told the officer he had no permission to enter consular premises.',
  'The officer withdrew without entering.',
  'The ministry delivered a protest note invoking the inviolability of consular premises (Vienna Convention on Consular Relations, 1963, Art. 31).',
])
  doc.text(`•  ${line}`, { indent: 8 }).moveDown(0.4)
doc.end()
console.log('wrote', join(out, 'sample-clip.webm'), 'and', join(out, 'sample-bulletin.pdf'))
