# The API process on the official Node 22 image; see docs/deployment.md. Not built in CI.
#   docker build -t verwerkingsregister .
#   docker run -p 4000:4000 -e DATABASE_URL=postgres://… -e DATABASE_READ_URL=postgres://… -e SEED=false verwerkingsregister

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install rather than npm ci, as in .ci/run: the lockfile lacks some platforms' optional binaries.
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY seeds seeds
COPY migrations migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
# glibc's malloc arenas: 2 instead of one per thread (8 x cores); see docs/performance.md, "Memory".
ENV NODE_ENV=production PORT=4000 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 4000
# The flags of `npm start` (README, Configuration): heap growth, and no V8 compilation cache for graphql-jit's generated code.
CMD ["node", "--heap-growing-percent=100", "--max-semi-space-size=16", "--no-compilation-cache", "dist/src/main.js"]
