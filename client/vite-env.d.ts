/** Vite's `?worker` imports: the module's default export is a Worker constructor. */
declare module '*?worker' {
  const WorkerConstructor: { new (options?: { name?: string }): Worker };
  export default WorkerConstructor;
}
