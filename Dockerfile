# One image for the three apps and the migration step; docker-compose.yml picks the command.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts tsconfig.base.json ./
COPY tools ./tools
COPY prisma ./prisma
# The postinstall step generates the Prisma client (offline; see tools/prisma-generate.js).
RUN npm ci --no-audit --no-fund
COPY apps ./apps
COPY libs ./libs
RUN node tools/build.js && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
# The portal renders the per-IdP setup guides from docs/idp.
COPY docs/idp ./docs/idp
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000 3001 3002
# Node's flags for the apps, sized for their 250 MB RSS budget: the same list as
# tools/start/app-node-flags.ts (a unit test keeps them equal). The command picks the app.
ENTRYPOINT ["node", "--enable-source-maps", "--max-old-space-size=512", "--max-semi-space-size=8", "--liftoff-only"]
CMD ["dist/apps/admin/src/main.js"]
