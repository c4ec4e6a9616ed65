import { App } from 'aws-cdk-lib';
import { createApp } from './create-app.js';

// `npx cdk synth` / `npx cdk deploy` (cdk.json). Context values: see createApp.
createApp(new App());
