/** @module Prepares shared test databases once per run (filled in by the database test support). */
export default async function setup(): Promise<void> {}
