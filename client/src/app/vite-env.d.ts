/// <reference types="vite/client" />
// Vite's ambient types: CSS side-effect imports and `?url` asset imports in the client.
