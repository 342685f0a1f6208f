// Integration and end-to-end tests start real services; give them room on a shared 2-core machine.
jest.setTimeout(120_000);
