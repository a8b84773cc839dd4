// Transpiles apps/, libs/ and tools/start to dist/ with swc (about a second, no type
// check: `npm run typecheck` does that), rewriting the @roster/* path aliases to
// relative requires so plain `node` runs the output.
const { transformFile } = require('@swc/core');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'dist');
const sources = ['apps', 'libs', 'tools/start', 'tools/simulate', 'bench', 'test/fixtures'].filter((dir) => fs.existsSync(path.join(root, dir)));
const { compilerOptions } = require('../tsconfig.base.json');

function listSources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(entry.name);
    return isSource ? [full] : [];
  });
}

const swcOptions = (file) => ({
  filename: file,
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    baseUrl: root,
    paths: compilerOptions.paths,
  },
});

async function build() {
  const started = Date.now();
  const files = sources.flatMap((dir) => listSources(path.join(root, dir)));
  fs.rmSync(outDir, { recursive: true, force: true });
  await Promise.all(
    files.map(async (file) => {
      const { code, map } = await transformFile(file, swcOptions(file));
      const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      fs.writeFileSync(`${target}.map`, map);
    }),
  );
  copyFixtureData();
  console.log(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
}

// Fixtures (the benches' fake Google API) read JSON files next to their code.
function copyFixtureData() {
  const fixtures = path.join(root, 'test/fixtures');
  if (!fs.existsSync(fixtures)) return;
  fs.cpSync(fixtures, path.join(outDir, 'test/fixtures'), {
    recursive: true,
    filter: (source) => fs.statSync(source).isDirectory() || source.endsWith('.json'),
  });
}

build().catch((error) => {
  console.error(error);
  process.exit(1);
});
