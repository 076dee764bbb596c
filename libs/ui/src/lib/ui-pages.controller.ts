import { Controller, Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthContext, ProjectAccessRegistry, safeNext, SessionAuth } from '@ls/auth';
import { PublicRoute } from '@ls/core';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { createProjectPage } from './pages/create-project.page';
import { dataManagerPage } from './pages/data-manager.page';
import { projectsPage } from './pages/projects.page';
import { settingsPage } from './pages/settings.page';
import { signInPage } from './pages/sign-in.page';

/** Roles that change a project (import, settings); the API decides in the end. */
const MANAGING_ROLES: ReadonlySet<string> = new Set(['OW', 'AD', 'MA']);

/**
 * The browser pages, at Label Studio's own URLs. They are public routes that check the session
 * cookie themselves: without a signed-in user they redirect to the sign-in page, which comes
 * back to the page asked for.
 */
@ApiExcludeController()
@PublicRoute()
@Controller()
export class UiPagesController {
  constructor(
    private readonly sessions: SessionAuth,
    private readonly projectAccess: ProjectAccessRegistry,
  ) {}

  @Get('user/login')
  async signIn(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query('next') next?: string,
    @Query('error') error?: string,
  ): Promise<void> {
    if (await this.sessions.callerOf(request)) return redirect(reply, safeNext(next));
    send(reply, signInPage(safeNext(next), error !== undefined));
  }

  @Get()
  async projects(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const caller = await this.signedIn(request, reply);
    if (caller) send(reply, projectsPage(caller.user.email));
  }

  @Get('projects')
  listAlias(@Res() reply: FastifyReply): void {
    redirect(reply, '/');
  }

  @Get('projects/new')
  async createProject(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const caller = await this.signedIn(request, reply);
    if (caller) send(reply, createProjectPage(caller.user.email));
  }

  @Get('projects/:id')
  project(@Param('id', ParseIntPipe) id: number, @Res() reply: FastifyReply): void {
    redirect(reply, `/projects/${id}/data`);
  }

  @Get('projects/:id/data')
  async data(
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = await this.projectPageCaller(id, request, reply);
    if (caller) send(reply, dataManagerPage(caller.user.email, id, caller.managesProject));
  }

  @Get('projects/:id/settings')
  async settings(
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = await this.projectPageCaller(id, request, reply);
    if (caller) send(reply, settingsPage(caller.user.email, id, caller.managesProject));
  }

  /** The signed-in caller, or null after redirecting to the sign-in page. */
  private async signedIn(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<AuthContext | null> {
    const caller = await this.sessions.callerOf(request);
    if (!caller) redirect(reply, `/user/login?next=${encodeURIComponent(request.url)}`);
    return caller;
  }

  /**
   * The caller of a project's page, and whether their role there lets them change the project
   * (import, settings); a project they may not see is a 404 page.
   */
  private async projectPageCaller(
    id: number,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<(AuthContext & { managesProject: boolean }) | null> {
    const caller = await this.signedIn(request, reply);
    if (!caller) return null;
    const access = await this.projectAccess.current()?.accessOf(caller, id);
    if (access === null || access?.visible === false) {
      void reply.status(404).type('text/plain; charset=utf-8').send('Not found.');
      return null;
    }
    const role = access?.role ?? caller.role;
    return { ...caller, managesProject: MANAGING_ROLES.has(role) };
  }
}

function send(reply: FastifyReply, html: string): void {
  void reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

function redirect(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', location).send();
}
