# The app image for docker-compose.yml: the Hono server serving the built web app.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci applies db/patches (patch-package) after installing.
COPY db/patches ./db/patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --logLevel warn

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY db/patches ./db/patches
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/web/dist ./web/dist
COPY server ./server
COPY shared ./shared
COPY sync ./sync
COPY db ./db
EXPOSE 3000
CMD ["node", "--max-semi-space-size=16", "server/start.ts"]
