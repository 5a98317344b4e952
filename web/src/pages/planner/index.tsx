// Placeholder: replaced by the page itself.
export default function Page() {
  return <main />;
}
