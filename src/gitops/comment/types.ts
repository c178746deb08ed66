/** A comment as both forges list it. */
export interface ForgeComment {
  readonly id: number;
  readonly body: string;
  /** The author's login (GitHub `user.login`, GitLab `author.username`). */
  readonly author: string | undefined;
  /** Link to the comment, when the forge gives one. */
  readonly url?: string;
}

/** The three calls a plan comment needs, on one pull or merge request. */
export interface CommentApi {
  /** `GitHub` or `GitLab`, for messages. */
  readonly service: string;
  /** What the comment is on (`owner/repo#12`, `project 42 !7`). */
  readonly where: string;
  /** Every comment, all pages, oldest first. */
  list(): Promise<ForgeComment[]>;
  create(body: string): Promise<ForgeComment>;
  update(id: number, body: string): Promise<ForgeComment>;
}
