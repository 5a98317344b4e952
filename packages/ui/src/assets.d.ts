// Files Vite hands over as URLs (`?url`); the web and portal apps get this from vite/client.
declare module "*?url" {
  const url: string;
  export default url;
}
