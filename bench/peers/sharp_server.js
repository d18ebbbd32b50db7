'use strict';
// A minimal HTTP server around sharp for bench/peers (the "sharp behind a minimal Node server" of
// performance.md). GET /<op>/<file>[?x=&y=&w=&h=] reads <root>/<file> from disk, applies the op
// and answers the bytes: JPEG q85 or PNG (as the input), or WebP q85 for the webp op.
// Usage: NODE_PATH=.work/sharp/node_modules node sharp_server.js <root> <port>
const http = require('node:http');
const fs = require('node:fs/promises');
const path = require('node:path');
const sharp = require('sharp');

const [root, port] = [process.argv[2], Number(process.argv[3])];
sharp.cache(false); // a server sees each image once; the cache would only hold memory

const OPS = {
  thumbnail: (image) => image.resize({ width: 800 }),
  crop: (image, q) =>
    image.extract({
      left: Number(q.get('x')),
      top: Number(q.get('y')),
      width: Number(q.get('w')),
      height: Number(q.get('h')),
    }),
  rotate: (image) => image.rotate(90), // clockwise, as pixmill's degree=90
  blur: (image) => image.blur(5), // sigma 5
  webp: (image) => image,
};

function encode(image, op, file) {
  if (op === 'webp') return [image.webp({ quality: 85 }), 'image/webp'];
  if (file.endsWith('.png')) return [image.png(), 'image/png'];
  return [image.jpeg({ quality: 85 }), 'image/jpeg'];
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  const [, op, name] = url.pathname.split('/');
  if (!Object.hasOwn(OPS, op) || !name) {
    response.writeHead(404).end();
    return;
  }
  const file = path.basename(decodeURIComponent(name)); // no way out of <root>
  const input = await fs.readFile(path.join(root, file));
  const [image, type] = encode(OPS[op](sharp(input), url.searchParams), op, file);
  const body = await image.toBuffer();
  response.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
}

http
  .createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  })
  .listen(port, '127.0.0.1');
