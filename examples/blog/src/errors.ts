// Errors the client is meant to read. graphql-yoga masks every error that is not a GraphQLError
// as "Unexpected error." (and logs it), so a mistake in the request is thrown as one, with the
// code clients know from Apollo Server. Built with yoga's createGraphQLError, so it is an
// instance of the GraphQLError yoga checks against whichever graphql build resolves first.
import { createGraphQLError } from 'graphql-yoga';

/** The request's arguments are out of range: shown to the client as it is, and not logged. */
export function badUserInput(message: string): Error {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
