/** @module Create or edit a user (administrators): details, roles, unit, role profile, external id, language; deactivate. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { grantedRoles } from '../../../domain/people-admin.ts';
import type { Locale } from '../../../domain/text.ts';
import type { AdminUser, UserInput } from '../../../server/contracts/people-admin.ts';
import { api } from '../../api/client.ts';
import { queryKeys, useAdminUnits, useAdminUser, useRoleProfiles } from '../../api/queries.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { errorFor } from '../../ui/form-errors.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { messageOf, refreshPeople, useFormErrors } from './form-state.ts';
import { unitOptions } from './people-form.ts';
import { SaveButton } from './SaveButton.tsx';

/** State passed to the user's page after creating them, so it can say so. */
export interface UserCreatedState {
  created?: boolean;
}

const ids = {
  name: 'user-name',
  email: 'user-email',
  title: 'user-title',
  roles: 'user-role-employee',
  role: (role: string) => `user-role-${role}`,
  unit: 'user-unit',
  roleProfile: 'user-role-profile',
  externalId: 'user-external-id',
  locale: 'user-locale-da',
};
const fieldIds: Record<string, string> = {
  name: ids.name,
  email: ids.email,
  title: ids.title,
  roles: ids.roles,
  unitId: ids.unit,
  roleProfileKey: ids.roleProfile,
  externalId: ids.externalId,
  locale: ids.locale,
};

interface Values {
  name: string;
  email: string;
  title: string;
  roles: ReadonlySet<string>;
  unitId: string;
  roleProfileKey: string;
  externalId: string;
  locale: Locale;
}

const valuesOf = (user: AdminUser | undefined): Values => ({
  name: user?.name ?? '',
  email: user?.email ?? '',
  title: user?.title ?? '',
  roles: new Set(user?.grantedRoles ?? ['employee']),
  unitId: user?.unit?.id ?? '',
  roleProfileKey: user?.roleProfileKey ?? '',
  externalId: user?.externalId ?? '',
  locale: user?.locale ?? 'da',
});

const toInput = (values: Values): UserInput => ({
  name: values.name.trim(),
  email: values.email.trim(),
  title: values.title.trim() || null,
  roles: grantedRoles.filter((role) => values.roles.has(role)),
  unitId: values.unitId || null,
  roleProfileKey: values.roleProfileKey || null,
  externalId: values.externalId.trim() || null,
  locale: values.locale,
});

export function NewUserPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('peopleAdmin.user.newTitle')}</PageHeading>
      <p className="lead">{t('peopleAdmin.user.newIntro')}</p>
      <p>
        <Link to="/admin/brugere">{t('peopleAdmin.backToList')}</Link>
      </p>
      <UserForm />
    </>
  );
}

export function UserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useAdminUser(userId);
  const created = (useLocation().state as UserCreatedState | null)?.created === true;
  if (user.isPending) return <Loading />;
  if (user.isError) {
    return (
      <>
        <PageHeading>{t('peopleAdmin.user.editTitle')}</PageHeading>
        <QueryErrorNotice error={user.error} onRetry={() => void user.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageHeading>{user.data.name}</PageHeading>
      <p>
        <Link to="/admin/brugere">{t('peopleAdmin.backToList')}</Link>
      </p>
      {created ? (
        <p className="notice notice--success" role="status">
          {t('peopleAdmin.user.created')}
        </p>
      ) : null}
      {user.data.active ? null : (
        <p className="notice notice--warning">{t('peopleAdmin.user.inactiveNotice')}</p>
      )}
      <section aria-labelledby="user-details">
        <h2 id="user-details">{t('peopleAdmin.user.detailsTitle')}</h2>
        <UserForm key={user.data.id} user={user.data} />
      </section>
      <UserStatusSection user={user.data} />
      <UserDataSection user={user.data} />
    </>
  );
}

/** The person's data for a formal request of access: the same download they get themselves (decision 028). */
function UserDataSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const locale = user.locale;
  const base = `/api/admin/users/${encodeURIComponent(user.id)}/data`;
  return (
    <section aria-labelledby="user-data">
      <h2 id="user-data">{t('peopleAdmin.user.dataTitle')}</h2>
      <p>{t('peopleAdmin.user.dataExplained', { name: user.name })}</p>
      <ul className="link-list">
        <li>
          <a href={`${base}.pdf?lang=${locale}`} download>
            {t('peopleAdmin.user.dataPdf', { name: user.name })}
          </a>
        </li>
        <li>
          <a href={`${base}?lang=${locale}`} download>
            {t('peopleAdmin.user.dataJson', { name: user.name })}
          </a>
        </li>
      </ul>
    </section>
  );
}

function UserForm({ user }: { user?: AdminUser }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useAdminUnits();
  const roleProfiles = useRoleProfiles();
  const [values, setValues] = useState<Values>(() => valuesOf(user));
  const { errors, attempt, fail, failFromServer, clear } = useFormErrors(fieldIds);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };

  const save = useMutation({
    mutationFn: () =>
      user
        ? api.updateUser(user.id, { ...toInput(values), version: user.version })
        : api.createUser(toInput(values)),
    onSuccess: async (result) => {
      clear();
      queryClient.setQueryData(queryKeys.adminUser(result.id), result);
      await refreshPeople(queryClient);
      if (user) setSaved(true);
      else {
        const state: UserCreatedState = { created: true };
        await navigate(`/admin/brugere/${result.id}`, { state });
      }
    },
    onError: failFromServer,
  });

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!values.name.trim())
      found.push({ fieldId: ids.name, message: t('peopleAdmin.user.errors.nameRequired') });
    if (!values.email.trim())
      found.push({ fieldId: ids.email, message: t('peopleAdmin.user.errors.emailRequired') });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      found.push({ fieldId: ids.email, message: t('peopleAdmin.user.errors.emailInvalid') });
    if (values.roles.size === 0)
      found.push({ fieldId: ids.roles, message: t('peopleAdmin.user.errors.rolesRequired') });
    return found;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found = validate();
    if (found.length > 0) return fail(found);
    save.mutate();
  };

  const profileChoices = [
    ...new Map((roleProfiles.data?.roleProfiles ?? []).map((profile) => [profile.key, profile.name[locale]])),
  ].sort((a, b) => a[1].localeCompare(b[1], locale));
  const unitChoices = unitOptions(units.data?.units ?? [], { keepId: user?.unit?.id ?? null });
  const rolesError = errorFor(errors, ids.roles);
  const unitError = errorFor(errors, ids.unit);
  const profileError = errorFor(errors, ids.roleProfile);

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form"
        noValidate
        onSubmit={onSubmit}
        aria-label={user ? t('peopleAdmin.user.detailsTitle') : t('peopleAdmin.user.newTitle')}
      >
        <TextField
          id={ids.name}
          name="name"
          label={t('person.name')}
          value={values.name}
          onChange={(value) => set('name', value)}
          error={errorFor(errors, ids.name)}
          autoComplete="off"
          required
        />
        <TextField
          id={ids.email}
          name="email"
          type="email"
          inputMode="email"
          label={t('person.email')}
          hint={t('peopleAdmin.user.emailHint')}
          value={values.email}
          onChange={(value) => set('email', value)}
          error={errorFor(errors, ids.email)}
          autoComplete="off"
          required
        />
        <TextField
          id={ids.title}
          name="title"
          label={t('person.title')}
          hint={t('peopleAdmin.user.titleHint')}
          value={values.title}
          onChange={(value) => set('title', value)}
          error={errorFor(errors, ids.title)}
          autoComplete="off"
        />
        <fieldset
          className={rolesError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={rolesError ? 'user-roles-hint user-roles-error' : 'user-roles-hint'}
        >
          <legend className="form-label form-label--legend">{t('person.roles')}</legend>
          <p className="form-hint" id="user-roles-hint">
            {t('peopleAdmin.user.rolesHint')}
          </p>
          {rolesError ? <FieldError id="user-roles-error" message={rolesError} /> : null}
          {grantedRoles.map((role) => (
            <div className="checkbox" key={role}>
              <input
                className="checkbox-input"
                type="checkbox"
                id={ids.role(role)}
                checked={values.roles.has(role)}
                onChange={(event) => {
                  const next = new Set(values.roles);
                  if (event.target.checked) next.add(role);
                  else next.delete(role);
                  set('roles', next);
                }}
              />
              <label className="checkbox-label" htmlFor={ids.role(role)}>
                {t(`roles.${role}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div className={unitError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.unit}>
            {t('person.unit')}
          </label>
          <p className="form-hint" id={`${ids.unit}-hint`}>
            {t('peopleAdmin.user.unitHint')}
          </p>
          {unitError ? <FieldError id={`${ids.unit}-error`} message={unitError} /> : null}
          <select
            id={ids.unit}
            className="form-select"
            value={values.unitId}
            aria-invalid={unitError ? true : undefined}
            aria-describedby={`${ids.unit}-hint${unitError ? ` ${ids.unit}-error` : ''}`}
            onChange={(event) => set('unitId', event.target.value)}
          >
            <option value="">{t('person.noUnit')}</option>
            {unitChoices.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.label}
              </option>
            ))}
          </select>
        </div>
        <div className={profileError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.roleProfile}>
            {t('peopleAdmin.user.roleProfile')}
          </label>
          <p className="form-hint" id={`${ids.roleProfile}-hint`}>
            {t('peopleAdmin.user.roleProfileHint')}
          </p>
          {profileError ? <FieldError id={`${ids.roleProfile}-error`} message={profileError} /> : null}
          <select
            id={ids.roleProfile}
            className="form-select"
            value={values.roleProfileKey}
            aria-invalid={profileError ? true : undefined}
            aria-describedby={`${ids.roleProfile}-hint${profileError ? ` ${ids.roleProfile}-error` : ''}`}
            onChange={(event) => set('roleProfileKey', event.target.value)}
          >
            <option value="">{t('peopleAdmin.user.defaultRoleProfile')}</option>
            {profileChoices.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={ids.externalId}
          name="externalId"
          label={t('peopleAdmin.externalId')}
          hint={t('peopleAdmin.user.externalIdHint')}
          value={values.externalId}
          onChange={(value) => set('externalId', value)}
          error={errorFor(errors, ids.externalId)}
          autoComplete="off"
          width="m"
        />
        <fieldset className="fieldset form-group">
          <legend className="form-label form-label--legend">{t('peopleAdmin.user.language')}</legend>
          {(['da', 'en'] as const).map((code) => (
            <div className="radio" key={code}>
              <input
                className="radio-input"
                type="radio"
                name="locale"
                id={`user-locale-${code}`}
                checked={values.locale === code}
                onChange={() => set('locale', code)}
              />
              <label className="radio-label" htmlFor={`user-locale-${code}`}>
                {t(`language.names.${code}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <SaveButton
          label={user ? t('peopleAdmin.user.save') : t('peopleAdmin.user.create')}
          pending={save.isPending}
          saved={saved}
        />
      </form>
    </>
  );
}

/** Deactivating ends the person's sessions and leadership; it asks once more before doing so. */
function UserStatusSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (active: boolean) => api.setUserActive(user.id, { active, version: user.version }),
    onSuccess: async (result) => {
      setProblem(null);
      queryClient.setQueryData(queryKeys.adminUser(result.id), result);
      await refreshPeople(queryClient);
    },
    onError: (error) => setProblem(messageOf(error, t('errors.generic.text'))),
  });
  const ledUnits = formatList(
    user.ledUnits.map((unit) => unit.name),
    locale,
  );
  return (
    <section aria-labelledby="user-status">
      <h2 id="user-status">{t('peopleAdmin.user.statusTitle')}</h2>
      {user.active ? (
        <>
          <p>{t('peopleAdmin.user.deactivateExplained')}</p>
          {user.ledUnits.length > 0 ? (
            <p className="notice notice--warning">
              {t('peopleAdmin.user.deactivateLeader', { name: user.name, units: ledUnits })}
            </p>
          ) : null}
          <ConfirmButton
            label={t('peopleAdmin.user.deactivate')}
            question={t('peopleAdmin.user.confirmDeactivate', { name: user.name })}
            confirmLabel={t('peopleAdmin.user.deactivateConfirmed')}
            onConfirm={() => change.mutate(false)}
          />
        </>
      ) : (
        <>
          <p>{t('peopleAdmin.user.reactivateExplained')}</p>
          <button type="button" className="button button--secondary" onClick={() => change.mutate(true)}>
            {t('peopleAdmin.user.reactivate')}
          </button>
        </>
      )}
      <div role="alert">{problem ? <p className="notice notice--error">{problem}</p> : null}</div>
    </section>
  );
}
