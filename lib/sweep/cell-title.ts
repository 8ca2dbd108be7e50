/** A sweep cell's name from its column and row labels: `Van Gogh ×0.5`, `snow · seed 2`. */
export function cellTitle(column: string | undefined, row: string | undefined): string {
  const labels = [column, row].filter((label): label is string => Boolean(label));
  return labels.reduce(
    (title, label) => (title ? `${title}${label.startsWith("×") ? " " : " · "}${label}` : label),
    "",
  );
}
