// A small GraphQL-over-HTTP client for the launcher's demo seed and the end-to-end tests.

export interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string } & Record<string, unknown>;
}

export interface GraphqlResponse<T> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: readonly GraphqlError[];
}

export class GraphqlRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: readonly GraphqlError[],
  ) {
    super(`${operation} failed: ${errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ')}`);
  }
}

export const signIn = async (baseUrl: string, username: string, password: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { accessToken?: string; message?: string };
  if (!response.ok || !body.accessToken) throw new Error(`Sign-in as ${username} failed (${response.status}): ${body.message ?? ''}`);
  return body.accessToken;
};

export class GraphqlClient {
  constructor(
    readonly url: string,
    private readonly token: string | null,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  /** Resolves with the data, or rejects with every error the API gave. */
  async expectData<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors.length > 0 || result.data === null) throw new GraphqlRequestError(query.trim().split('\n')[0] ?? query, result.errors);
    return result.data;
  }
}
