/**
 * The media type an imported file is stored with decides how the window shows
 * it (player, image, document) and the Content-Type the blob protocol sends.
 */
import { describe, expect, it } from 'vitest'
import { kindFor, MEDIA_TYPE, mediaTypeFor, OCTET_STREAM } from '@main/services/evidence/mediaTypes'

const EXPECTED: Record<string, string> = {
  'a.mp4': 'video/mp4',
  'a.m4v': 'video/mp4',
  'a.mov': 'video/quicktime',
  'a.webm': 'video/webm',
  'a.mkv': 'video/x-matroska',
  'a.avi': 'video/x-msvideo',
  'a.ogv': 'video/ogg',
  'a.mp3': 'audio/mpeg',
  'a.m4a': 'audio/mp4',
  'a.aac': 'audio/aac',
  'a.wav': 'audio/wav',
  'a.ogg': 'audio/ogg',
  'a.oga': 'audio/ogg',
  'a.opus': 'audio/opus',
  'a.flac': 'audio/flac',
  'a.jpg': 'image/jpeg',
  'a.jpeg': 'image/jpeg',
  'a.png': 'image/png',
  'a.gif': 'image/gif',
  'a.webp': 'image/webp',
  'a.heic': 'image/heic',
  'a.tif': 'image/tiff',
  'a.tiff': 'image/tiff',
  'a.bmp': 'image/bmp',
  'a.svg': 'image/svg+xml',
  'a.pdf': 'application/pdf',
  'a.txt': 'text/plain',
  'a.md': 'text/markdown',
  'a.csv': 'text/csv',
  'a.json': 'application/json',
  'a.html': 'text/html',
  'a.htm': 'text/html',
  'a.mhtml': 'multipart/related',
  'a.eml': 'message/rfc822',
  'a.doc': 'application/msword',
  'a.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'a.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'a.odt': 'application/vnd.oasis.opendocument.text',
  'a.rtf': 'application/rtf',
  'a.zip': 'application/zip',
}

describe('mediaTypeFor', () => {
  it('names the formats evidence arrives in, by extension', () => {
    for (const [name, type] of Object.entries(EXPECTED)) expect(mediaTypeFor(name), name).toBe(type)
  })

  it('reads the extension in any case, from the last dot, after any folder', () => {
    expect(mediaTypeFor('CLIP.MP4')).toBe('video/mp4')
    expect(mediaTypeFor('Foto.JpEg')).toBe('image/jpeg')
    expect(mediaTypeFor('/evidence/2026.03.video.mov')).toBe('video/quicktime')
    expect(mediaTypeFor('archive.tar.zip')).toBe('application/zip')
  })

  it('stores anything else as application/octet-stream', () => {
    expect(OCTET_STREAM).toBe('application/octet-stream')
    for (const name of ['a.exe', 'README', '.mp4', 'a.', 'a.mp4.bak', 'a.constructor', 'a.__proto__', ''])
      expect(mediaTypeFor(name), name).toBe(OCTET_STREAM)
  })
})

describe('MEDIA_TYPE', () => {
  it('takes a plain type/subtype', () => {
    for (const t of [...Object.values(EXPECTED), 'a/b', 'x-y.z/a+b', '0/9', 'a!#$&^_.+-/b!#$&^_.+-'])
      expect(MEDIA_TYPE.test(t), t).toBe(true)
  })

  it('refuses parameters, capitals, odd characters and lines a header could be split with', () => {
    for (const t of [
      '',
      'video',
      'video/',
      '/mp4',
      'Video/mp4',
      'video/MP4',
      'video/mp4; charset=x',
      'video/mp4 ',
      ' video/mp4',
      'video/mp4\r\nX-Evil: 1',
      'text/html\n',
      'a/b/c',
      '-a/b',
      'a/-b',
      '.a/b',
      'a/.b',
      'vídeo/mp4',
    ])
      expect(MEDIA_TYPE.test(t), JSON.stringify(t)).toBe(false)
  })

  it('bounds both halves: 63 characters of type, 127 of subtype', () => {
    expect(MEDIA_TYPE.test(`${'a'.repeat(63)}/b`)).toBe(true)
    expect(MEDIA_TYPE.test(`${'a'.repeat(64)}/b`)).toBe(false)
    expect(MEDIA_TYPE.test(`a/${'b'.repeat(127)}`)).toBe(true)
    expect(MEDIA_TYPE.test(`a/${'b'.repeat(128)}`)).toBe(false)
  })
})

describe('kindFor', () => {
  it('tells video, audio and images by their top-level type', () => {
    expect(kindFor('video/mp4')).toBe('video')
    expect(kindFor('video/x-matroska')).toBe('video')
    expect(kindFor('audio/mpeg')).toBe('audio')
    expect(kindFor('image/svg+xml')).toBe('image')
  })

  it('takes a saved web page as one, and anything else as a document', () => {
    expect(kindFor('text/html')).toBe('web page')
    expect(kindFor('multipart/related')).toBe('web page')
    for (const t of [
      'application/pdf',
      'text/plain',
      'application/octet-stream',
      'text/html+x',
      'xvideo/mp4',
      'a/video/',
    ])
      expect(kindFor(t), t).toBe('document')
  })
})
