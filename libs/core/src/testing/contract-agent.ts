import type { Server } from 'node:http';
import request, { Response as TestResponse, Test } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { expectContractResponse } from './contract-responses';

/** A supertest request whose response is checked against the contract unless told otherwise. */
export interface ContractTest extends Test {
  /**
   * Leaves this response unchecked: for a deliberate error or edge case whose body the contract
   * does not describe. Say why.
   */
  skipContract(reason: string): this;
}

type Done = (error: Error | null, response?: TestResponse) => void;
/** supertest's own step that runs the `.expect()` assertions, then the caller's callback. */
type Assertable = {
  assert(error: Error | null, response: TestResponse | undefined, done?: Done): void;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

function checked(test: Test): ContractTest {
  const contractTest = test as ContractTest & Assertable;
  let skipped = false;
  contractTest.skipContract = (reason: string) => {
    if (!reason.trim()) throw new Error('skipContract needs a reason');
    skipped = true;
    return contractTest;
  };
  // After the test's own expectations, so that an unexpected status is reported as such.
  const assert = contractTest.assert.bind(contractTest);
  contractTest.assert = (error, response, done) =>
    assert(error, response, (failure, answered) => {
      let problem = failure;
      if (!problem && answered && !skipped) {
        try {
          expectContractResponse({
            method: contractTest.method,
            url: contractTest.url,
            status: answered.status,
            contentType: answered.headers['content-type'],
            body: answered.body,
          });
        } catch (mismatch) {
          problem = mismatch as Error;
        }
      }
      done?.call(contractTest, problem, answered);
    });
  return contractTest;
}

/** A supertest agent on `server` whose every response is checked against the contract. */
export function contractAgent(server: Server): TestAgent<ContractTest> {
  const agent = request(server) as unknown as TestAgent<ContractTest>;
  for (const method of METHODS) {
    const open = agent[method].bind(agent) as (url: string) => Test;
    Object.assign(agent, { [method]: (url: string) => checked(open(url)) });
  }
  return agent;
}

/**
 * `fetch` for a server started as its own process: the response is checked against the contract
 * as {@link contractAgent} does, then handed back with its text and parsed JSON body.
 */
export async function contractFetch(
  url: string,
  init: RequestInit = {},
): Promise<{ response: Response; text: string; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? undefined;
  const body: unknown = text && contentType?.includes('json') ? JSON.parse(text) : undefined;
  expectContractResponse({
    method: init.method ?? 'GET',
    url,
    status: response.status,
    contentType,
    body,
  });
  return { response, text, body };
}
