# syntax=docker/dockerfile:1
# One multi-stage image recipe for every app of the graph; APP picks which one the image runs:
# gateway, services/case, services/housing-support, services/benefits-handling, services/group-activity.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production APP_ENTRY=dist/${APP}/src/main.js
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/gateway/supergraph.graphql ./gateway/supergraph.graphql
COPY --from=build /app/gateway/partner-operations ./gateway/partner-operations
USER node
CMD ["sh", "-c", "exec node --enable-source-maps \"$APP_ENTRY\""]
