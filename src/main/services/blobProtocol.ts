/**
 * Answers casefile-blob://blob/<sha256> requests from the blob store.
 * Placeholder until the evidence work lands: serves nothing.
 */
export async function serveBlobRequest(_workspaceRoot: string, _request: Request): Promise<Response> {
  return new Response('Not found', { status: 404 })
}
