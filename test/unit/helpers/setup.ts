/**
 * Unit tests run in English, from the real catalog: WXT's fakeBrowser has no
 * i18n.getMessage of its own (it throws "not mocked"), so the background's
 * toolbar titles and anything else that asks it gets public/_locales/en here.
 * Assigned, not spied on, so that vi.restoreAllMocks() leaves it in place.
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogGetMessage } from '@/test/support/locales';
import { propertySettings } from '@/test/unit/helpers/property-settings';

fakeBrowser.i18n.getMessage = catalogGetMessage('en', 'en_US') as typeof fakeBrowser.i18n.getMessage;

// Property tests: a fixed seed in CI and under mutation testing, a fresh one
// elsewhere (property-settings.ts says why); fast-check prints it on a failure.
fc.configureGlobal(propertySettings(process.env));
