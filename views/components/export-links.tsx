/** A table's downloads: `${stem}.csv` for spreadsheets and `${stem}.html` for a document. */
export function ExportLinks(props: { stem: string }) {
  return (
    <p class='exports'>
      Export:{' '}
      <a href={`${props.stem}.csv`} download>
        CSV
      </a>{' '}
      ·{' '}
      <a href={`${props.stem}.html`} download>
        HTML table
      </a>
    </p>
  )
}
