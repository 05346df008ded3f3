/** A record's DOI as a link through the resolver: the publisher's page, where the full text is looked for first. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`
}
