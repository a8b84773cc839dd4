// Lets a plain `node` child process run the TypeScript sources, as jest does:
// swc transpiles each .ts file on require, with the @roster/* path aliases.
const { transformSync } = require('@swc/core');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.join(__dirname, '..', '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: root,
      paths: compilerOptions.paths,
    },
  });
  module._compile(code, filename);
};

// The generated Prisma client imports its siblings as `./x.js`; here they are `./x.ts`.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  try {
    return resolve.call(this, request, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) return resolve.call(this, request.slice(0, -3), ...rest);
    throw error;
  }
};
