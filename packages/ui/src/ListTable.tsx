import { For, type JSX } from "solid-js";

// A list as a table on wide screens and as labelled cards on narrow ones (styles.css,
// `.table-stack`: under 640 px each row is a card and each cell shows its column's label). The
// label is written once per column here, so a header and its cells' labels can't drift apart.
// The first column heads its row (`<th scope="row">`): a screen reader names each cell by its row
// (a quote's number, an SOP's title) as well as by its column.

export type ListColumn<Row> = {
  /** The column's header, and the label above its cell on narrow screens (the first column's is not shown: it heads the card). */
  label: () => string;
  cell: (row: Row) => JSX.Element;
  /** `num` right-aligns a column of amounts. */
  class?: string;
};

export function ListTable<Row>(props: {
  caption: string;
  columns: ListColumn<Row>[];
  rows: readonly Row[];
  /** Attributes of a row (its test id, data-*). */
  rowProps?: (row: Row) => JSX.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  testId?: string;
}) {
  return (
    <div class="table-wrap">
      <table class="table table-stack" data-testid={props.testId}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.columns}>
              {(column) => (
                <th scope="col" class={column.class}>
                  {column.label()}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr {...(props.rowProps?.(row) ?? {})}>
                <For each={props.columns}>
                  {(column, index) =>
                    index() === 0 ? (
                      <th scope="row" class={["row-head", column.class].filter(Boolean).join(" ")}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td data-label={column.label()} class={column.class}>
                        {column.cell(row)}
                      </td>
                    )
                  }
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
