// See package.json: cbor-x catches this and decodes in JavaScript.
throw new Error('cbor-extract is stubbed out in this project: cbor-x uses its JavaScript decoder')
