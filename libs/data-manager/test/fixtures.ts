import { AnnotationsHttpModule } from '@ls/annotations';
import { createAuthTestApp, TestAccount } from '@ls/auth/testing';
import { TestApp } from '@ls/core/testing';
import { DataManagerHttpModule } from '@ls/data-manager';
import { ProjectsHttpModule } from '@ls/projects';
import { TasksHttpModule } from '@ls/tasks';

export const IMAGE_TEXT_CONFIG = `<View>
  <Image name="img" value="$image"/>
  <Text name="caption" value="$caption"/>
  <Choices name="kind" toName="img"><Choice value="Cat"/><Choice value="Dog"/></Choices>
</View>`;

/** The app with every library the data manager reads from. */
export function createDataManagerApp(env: Record<string, string | number> = {}): Promise<TestApp> {
  return createAuthTestApp({
    imports: [ProjectsHttpModule, TasksHttpModule, AnnotationsHttpModule, DataManagerHttpModule],
    env,
  });
}

/** API calls of one account, failing loudly on an unexpected status. */
export function dataManagerApiOf(testApp: TestApp, account: TestAccount) {
  const http = () => testApp.http();
  return {
    /**
     * A published project every current member of the organization belongs to (annotators and
     * reviewers see only published projects they belong to).
     */
    async project(body: Record<string, unknown> = {}): Promise<number> {
      const response = await http()
        .post('/api/projects/')
        .set(account.headers)
        .send({
          title: 'Data manager',
          label_config: IMAGE_TEXT_CONFIG,
          is_published: true,
          ...body,
        })
        .expect(201);
      await http()
        .post(`/api/projects/${response.body.id}/members/bulk`)
        .set(account.headers)
        .send({ all: true })
        .expect(200);
      return response.body.id;
    },
    async task(project: number, data: Record<string, unknown>): Promise<number> {
      const response = await http()
        .post('/api/tasks/')
        .set(account.headers)
        .send({ project, data })
        .expect(201);
      return response.body.id;
    },
    async view(project: number, data: Record<string, unknown> = {}) {
      const response = await http()
        .post('/api/dm/views/')
        .set(account.headers)
        .send({ project, data })
        .expect(201);
      return response.body as { id: number; order: number; data: Record<string, unknown> };
    },
  };
}
